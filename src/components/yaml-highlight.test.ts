import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { highlightYamlLine } from './yaml-highlight.ts'

const kinds = (line: string) => highlightYamlLine(line).map((t) => `${t.kind}:${t.text}`)

describe('highlightYamlLine', () => {
  it('never changes the text: the tokens join to the line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(' ', '-', ':', '#', '"', "'", 'a', '1', '{') }),
        (line) => {
          expect(
            highlightYamlLine(line)
              .map((t) => t.text)
              .join(''),
          ).toBe(line)
        },
      ),
    )
  })

  it('colours keys, values and comments as Monaco does', () => {
    expect(kinds('    - name: app # the main one')).toEqual([
      'punctuation:    - ',
      'key:name',
      'punctuation::',
      'text: app ',
      'comment:# the main one',
    ])
    expect(kinds('  runAsUser: 1000')).toEqual([
      'punctuation:  ',
      'key:runAsUser',
      'punctuation::',
      'number: 1000',
    ])
    expect(kinds('  privileged: true')).toContain('keyword: true')
    expect(kinds('image: "nginx:1.27"')).toEqual([
      'key:image',
      'punctuation::',
      'string: "nginx:1.27"',
    ])
    expect(kinds('# Edit me')).toEqual(['comment:# Edit me'])
    expect(kinds('---')).toEqual(['punctuation:---'])
    expect(kinds('  - ALL')).toEqual(['punctuation:  - ', 'text:ALL'])
    expect(kinds('spec:')).toEqual(['key:spec', 'punctuation::'])
  })
})
