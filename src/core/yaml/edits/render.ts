// Writing JSON values as YAML text: plain scalars where they read back unchanged, flow style inside
// flow collections, block style under block keys, JSON syntax in JSON documents.
import { isMap, isScalar } from 'yaml'
import type { YAMLMap } from 'yaml'
import type { JsonValue } from '../../types.ts'
import type { EditContext } from './context.ts'

const YAML_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/

/** A string that reads back as the same string when written plain (no quotes). */
function plainSafe(value: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !YAML_WORDS.test(value)
}

export function scalarText(value: JsonValue, json: boolean): string {
  if (typeof value === 'string') return !json && plainSafe(value) ? value : JSON.stringify(value)
  return JSON.stringify(value)
}

/** `value` in flow style (`{a: b}`, `[x]`), or in JSON syntax when `json`. */
export function flowValue(value: JsonValue, json: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowValue(item, json)).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => flowEntry(key, item, json))
    return `{${entries.join(', ')}}`
  }
  return scalarText(value, json)
}

export function flowEntry(key: string, value: JsonValue, json: boolean): string {
  return `${scalarText(key, json)}: ${flowValue(value, json)}`
}

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The lines of `key: value` in block style, relative to the key's column. */
export function blockEntry(ctx: EditContext, key: string, value: JsonValue): string[] {
  const head = `${scalarText(key, false)}:`
  const body = blockBody(ctx, value)
  return body === undefined ? [`${head} ${flowValue(value, false)}`] : [head, ...body]
}

/** The lines of a non-empty map or list value under a key, relative to the key's column. */
export function blockBody(ctx: EditContext, value: JsonValue): string[] | undefined {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    const pad = ' '.repeat(ctx.indentStep)
    return Object.entries(value).flatMap(([key, item]) =>
      blockEntry(ctx, key, item).map((line) => pad + line),
    )
  }
  if (Array.isArray(value) && value.length > 0) {
    const pad = ' '.repeat(ctx.seqIndent)
    return value.map((item) => `${pad}- ${flowValue(item, false)}`)
  }
  return undefined
}

export function isJsonStyle(ctx: EditContext): boolean {
  const root = ctx.doc.contents
  return isMap(root) && root.flow === true && isJsonMap(ctx, root)
}

/** Whether the flow map writes its keys as JSON does (double-quoted). */
export function isJsonMap(ctx: EditContext, map: YAMLMap<unknown, unknown>): boolean {
  const first = map.items[0]
  if (first === undefined) return map !== ctx.doc.contents && isJsonStyle(ctx)
  return isScalar(first.key) && first.key.type === 'QUOTE_DOUBLE'
}
