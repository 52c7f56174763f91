import { describe, expect, it } from 'vitest'
import type { JsonValue, Path, TextEdit } from '../types.ts'
import { parseDocuments } from '../yaml/parse-documents.ts'
import { applyEdits } from './text-edits.ts'
import {
  appendItem,
  commentRanges,
  createEditContext,
  finishEdits,
  removeEntries,
  setValue,
} from './yaml-edits.ts'
import type { EditContext } from './yaml-edits.ts'

function context(source: string, index = 0): EditContext {
  const document = parseDocuments(source).documents[index]
  if (document === undefined) throw new Error('no document')
  return createEditContext(source, document.yaml)
}

/** Runs one operation through finishEdits and applies it; null when no fix could be made. */
function run(source: string, edit: (ctx: EditContext) => TextEdit[] | undefined): string | null {
  const ctx = context(source)
  const edits = finishEdits(ctx, [edit(ctx)])
  return edits === undefined ? null : applyEdits(source, edits)
}

const set = (source: string, path: Path, value: JsonValue) =>
  run(source, (ctx) => setValue(ctx, path, value))
const remove = (source: string, path: Path, keys: (string | number)[]) =>
  run(source, (ctx) => removeEntries(ctx, path, keys))

describe('setValue', () => {
  it('fills an empty or null value with a block map', () => {
    expect(set('a:\n  sc:\n  b: 1\n', ['a', 'sc', 'x'], true)).toBe(
      'a:\n  sc:\n    x: true\n  b: 1\n',
    )
    expect(set('a:\n  sc: null\n', ['a', 'sc', 'x'], true)).toBe('a:\n  sc:\n    x: true\n')
    expect(set('a:\n  sc: ~ # none\n', ['a', 'sc'], { x: 1 })).toBe('a:\n  sc:\n    x: 1 # none\n')
  })

  it('inserts into an empty flow map and after a multi-line JSON entry', () => {
    expect(set('{a: {}}\n', ['a', 'b'], 'RuntimeDefault')).toBe('{a: {b: RuntimeDefault}}\n')
    // Under a block map, `{}` (often left by an earlier fix) is filled in block style.
    expect(set('a: {}\n', ['a', 'b'], 'RuntimeDefault')).toBe('a:\n  b: RuntimeDefault\n')
    expect(set('a: {}\n', ['a'], { b: 1, c: 2 })).toBe('a:\n  b: 1\n  c: 2\n')
    expect(set('{\n  "a": {\n    "b": 1\n  }\n}', ['a', 'c'], 'x')).toBe(
      '{\n  "a": {\n    "b": 1,\n    "c": "x"\n  }\n}',
    )
  })

  it('inserts after a last entry that ends in a block scalar or a nested list', () => {
    expect(set('a:\n  s: |\n    text\n\n  l:\n  - 1\nb: 2\n', ['a', 'k'], false)).toBe(
      'a:\n  s: |\n    text\n\n  l:\n  - 1\n  k: false\nb: 2\n',
    )
    expect(set('a:\n  s: |\n    text\nb: 2\n', ['a', 'k'], false)).toBe(
      'a:\n  s: |\n    text\n  k: false\nb: 2\n',
    )
    // YAML 1.1 reads a plain `n` as false, so a new key `n` is quoted.
    expect(set('a: 1\n', ['n'], 1)).toBe('a: 1\n"n": 1\n')
  })

  it('quotes strings that would not read back as strings, and keeps the quoting style', () => {
    expect(set('a: 1\n', ['b'], 'yes')).toBe('a: 1\nb: "yes"\n')
    expect(set('a: "x"\n', ['a'], 'RuntimeDefault')).toBe('a: "RuntimeDefault"\n')
    expect(set("a: 'x'\n", ['a'], 'runtime/default')).toBe("a: 'runtime/default'\n")
  })

  it('refuses aliases, anchors, merge keys, tags and block scalars', () => {
    expect(set('x: &x {p: true}\nz: *x\n', ['z', 'p'], false)).toBeNull()
    expect(set('x: &t true\nz: *t\n', ['x'], false)).toBeNull()
    expect(set('x: &x {p: true}\nz: *x\n', ['x', 'p'], false)).toBeNull()
    expect(set('b: &b {p: 1}\nc:\n  <<: *b\n', ['c', 'q'], 1)).toBeNull()
    expect(set('a: !!str true\n', ['a'], false)).toBeNull()
    expect(set('a: |\n  text\n', ['a'], 'x')).toBeNull()
    expect(set('a: [1]\n', ['a', 0, 'b'], 1)).toBeNull()
    expect(set('a: text\n', ['a', 'b'], 1)).toBeNull()
  })

  it('replaces an alias used as a plain value', () => {
    expect(set('x: &t true\nz: *t\n', ['z'], false)).toBe('x: &t true\nz: false\n')
  })

  it('edits only its own document of a stream', () => {
    const source = 'a: 1\n---\nb: 2\n'
    const ctx = context(source, 1)
    expect(applyEdits(source, setValue(ctx, ['c'], 3) ?? [])).toBe('a: 1\n---\nb: 2\nc: 3\n')
  })
})

describe('appendItem', () => {
  it('appends to block and flow lists, and creates a missing one', () => {
    expect(run('l:\n  - a # c\nk: 1\n', (ctx) => appendItem(ctx, ['l'], 'ALL'))).toBe(
      'l:\n  - a # c\n  - ALL\nk: 1\n',
    )
    expect(run('l: []\n', (ctx) => appendItem(ctx, ['l'], 'ALL'))).toBe('l:\n  - ALL\n')
    expect(run('{l: []}\n', (ctx) => appendItem(ctx, ['l'], 'ALL'))).toBe('{l: [ALL]}\n')
    expect(run('l: [a]\n', (ctx) => appendItem(ctx, ['l'], 'ALL'))).toBe('l: [a, ALL]\n')
    expect(run('k: 1\n', (ctx) => appendItem(ctx, ['l'], 'ALL'))).toBe('k: 1\nl:\n  - ALL\n')
  })
})

describe('removeEntries', () => {
  it('removes block entries with their lines, keeping comment lines and trailing comments', () => {
    expect(remove('m:\n  # about a\n  a: 1 # one\n  b: 2\n', ['m'], ['a'])).toBe(
      'm:\n  # about a\n  # one\n  b: 2\n',
    )
    expect(remove('m:\n  a:\n    x: 1\n    # inner\n    y: 2\n  b: 2\n', ['m'], ['a'])).toBe(
      'm:\n    # inner\n  b: 2\n',
    )
  })

  it('removes flow items with their commas, in any combination', () => {
    expect(remove('l: [a, b, c, d]\n', ['l'], [1, 3])).toBe('l: [a, c]\n')
    expect(remove('l: [a, b, c]\n', ['l'], [0, 1])).toBe('l: [c]\n')
    expect(remove('l: [a, b, c]\n', ['l'], [0, 1, 2])).toBe('l: []\n')
    expect(remove('m: {a: 1, b: 2}\n', ['m'], ['b'])).toBe('m: {a: 1}\n')
  })

  it('empties a block collection whose entries all go', () => {
    expect(remove('m:\n  a: 1\nk: 2\n', ['m'], ['a'])).toBe('m: {}\nk: 2\n')
    expect(remove('l:\n- a\n- b\n', ['l'], [0, 1])).toBe('l: []\n')
  })

  it('removes the last line of a source without a final line break', () => {
    expect(remove('m:\n  a: 1\n  b: 2', ['m'], ['b'])).toBe('m:\n  a: 1')
    expect(remove('m:\r\n  a: 1\r\n  b: 2', ['m'], ['b'])).toBe('m:\r\n  a: 1')
  })

  it('ignores absent keys and paths', () => {
    expect(removeEntries(context('m: {a: 1}\n'), ['m'], ['z'])).toEqual([])
    expect(removeEntries(context('m: {}\n'), ['n'], ['a'])).toEqual([])
  })
})

describe('finishEdits', () => {
  it('sorts edits and rejects overlaps, missing parts and edits over comments', () => {
    const ctx = context('a: 1 # c\n')
    expect(
      finishEdits(ctx, [[{ range: [3, 4], insert: '2' }], [{ range: [0, 0], insert: '# x\n' }]]),
    ).toEqual([
      { range: [0, 0], insert: '# x\n' },
      { range: [3, 4], insert: '2' },
    ])
    expect(
      finishEdits(ctx, [[{ range: [0, 4], insert: '' }], [{ range: [3, 5], insert: '' }]]),
    ).toBeUndefined()
    expect(finishEdits(ctx, [[{ range: [3, 4], insert: '2' }], undefined])).toBeUndefined()
    expect(finishEdits(ctx, [[{ range: [3, 7], insert: '' }]])).toBeUndefined()
    expect(finishEdits(ctx, [])).toBeUndefined()
  })
})

describe('commentRanges', () => {
  it('finds comments but not # inside strings or block scalars', () => {
    const source = 'a: "# no" # yes\nb: |\n  # no\nc: x#no\n# yes too\n'
    expect(commentRanges(source).map(([s, e]) => source.slice(s, e))).toEqual([
      '# yes',
      '# yes too',
    ])
  })
})
