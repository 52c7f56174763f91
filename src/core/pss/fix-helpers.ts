// Building blocks of the checks' fixes: paths in the document, who a fix is for, and the common
// edits (set every offending field, remove the offending keys).
import type { JsonValue, Path, TextEdit } from '../types.ts'
import { containersPhrase } from '../util/go-format.ts'
import { POD_SC_PATH, type PodView } from '../workloads/pod-view.ts'
import type { CheckFixInput, FixDraft } from './check.ts'

export function at(input: CheckFixInput, path: Path): Path {
  return [...input.base, ...path]
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step)
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && startsWith(a, b)
}

/** `the pod`, `container "a"`, `the pod and containers "a", "b"` for the offending paths. */
export function targets(view: PodView, paths: readonly Path[]): string {
  const pod = paths.some((path) => startsWith(path, POD_SC_PATH) || path[0] !== 'spec')
  const names = view.containers
    .filter((c) => paths.some((path) => startsWith(path, c.path)))
    .map((c) => c.name)
  const parts = [
    ...(pod ? ['the pod'] : []),
    ...(names.length > 0 ? [containersPhrase(names)] : []),
  ]
  return parts.join(' and ')
}

/** Sets every offending field of the outcome to `value`. */
export function setAll(input: CheckFixInput, value: JsonValue, action: string): FixDraft {
  const paths = input.outcome.paths
  return {
    title: `${action} on ${targets(input.view, paths)}`,
    parts: paths.map((path) => input.edit.setValue(at(input, path), value)),
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Removes the last key of each offending path from its map, one removal per map. */
export function removeKeys(input: CheckFixInput): (readonly TextEdit[] | undefined)[] {
  const byParent = new Map<string, { parent: Path; keys: string[] }>()
  for (const path of input.outcome.paths) {
    const parent = path.slice(0, -1)
    const id = JSON.stringify(parent)
    const group = byParent.get(id) ?? { parent, keys: [] }
    group.keys.push(String(path.at(-1)))
    byParent.set(id, group)
  }
  return [...byParent.values()].map(({ parent, keys }) =>
    input.edit.removeEntries(at(input, parent), keys),
  )
}
