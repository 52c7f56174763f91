// One-click fixes for failing Pod Security checks. Each fix writes the smallest change that makes
// its check pass, as text edits (yaml-edits.ts). Checks whose fix would need a guess at the
// user's intent get none: hostPathVolumes and restrictedVolumes (which volume source instead?),
// runAsUser (which UID?), and the seccomp annotations read before v1.19.
import type { CheckId, JsonValue, Path, TextEdit } from '../types.ts'
import { arrayAt, booleanAt, hasValue, isRecord, recordAt } from '../util/json-access.ts'
import type { CheckOutcome } from '../pss/check.ts'
import { capabilityList, isMiscasedAll } from '../pss/checks/capability-lists.ts'
import { explicitSeccompViolations } from '../pss/checks/seccomp-profile-baseline.ts'
import { containersPhrase, joinQuote, sortedDistinct } from '../pss/format.ts'
import { POD_SC_PATH } from '../pss/pod-view.ts'
import type { PodView } from '../pss/pod-view.ts'
import { appendItem, removeEntries, replaceEntry, setValue } from './yaml-edits.ts'
import type { EditContext } from './yaml-edits.ts'

/** What a fix generator works from: one failing check of one pod template. */
export interface CheckFixInput {
  ctx: EditContext
  /** Path of the pod template in its document; check paths are relative to it. */
  base: Path
  view: PodView
  /** The failing outcome of the check, at the evaluated version. */
  outcome: Extract<CheckOutcome, { allowed: false }>
  /** The rules minor version evaluated. */
  minor: number
}

/** A fix before it gets its id: a title and its edits (undefined when one cannot be made). */
export interface FixDraft {
  title: string
  parts: (readonly TextEdit[] | undefined)[]
}

type Generator = (input: CheckFixInput) => FixDraft | undefined

/** The fix for a failing check, or undefined when the check has none (or none applies here). */
export function checkFixDraft(id: CheckId, input: CheckFixInput): FixDraft | undefined {
  return GENERATORS[id]?.(input)
}

const GENERATORS: Partial<Record<CheckId, Generator>> = {
  privileged: (input) => setAll(input, false, 'Set privileged: false'),
  allowPrivilegeEscalation: allowPrivilegeEscalationFix,
  capabilities_baseline: (input) => capabilitiesFix(input, 'baseline'),
  capabilities_restricted: (input) => capabilitiesFix(input, 'restricted'),
  runAsNonRoot: runAsNonRootFix,
  seccompProfile_baseline: (input) => seccompFix(input, false),
  seccompProfile_restricted: (input) => seccompFix(input, true),
  hostNamespaces: hostNamespacesFix,
  hostPorts: hostPortsFix,
  procMount: (input) => setAll(input, 'Default', 'Set procMount: Default'),
  procMount_restricted: (input) => setAll(input, 'Default', 'Set procMount: Default'),
  appArmorProfile: appArmorFix,
  windowsHostProcess: (input) => setAll(input, false, 'Set windowsOptions.hostProcess: false'),
  sysctls: sysctlsFix,
  hostProbesAndHostLifecycle: hostProbesFix,
  seLinuxOptions: seLinuxOptionsFix,
}

function at(input: CheckFixInput, path: Path): Path {
  return [...input.base, ...path]
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step)
}

/** `the pod`, `container "a"`, `the pod and containers "a", "b"` for the offending paths. */
function targets(view: PodView, paths: readonly Path[]): string {
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
function setAll(input: CheckFixInput, value: JsonValue, action: string): FixDraft {
  const paths = input.outcome.paths
  return {
    title: `${action} on ${targets(input.view, paths)}`,
    parts: paths.map((path) => setValue(input.ctx, at(input, path), value)),
  }
}

// The API rejects allowPrivilegeEscalation: false together with privileged: true (k8s.io/api core
// v1 types.go, "AllowPrivilegeEscalation is true always when the container is: 1) run as
// Privileged"), so privileged containers are left to the privileged fix.
function allowPrivilegeEscalationFix(input: CheckFixInput): FixDraft | undefined {
  const containers = input.view.containers.filter(
    (c) =>
      booleanAt(c.sc, 'allowPrivilegeEscalation') !== false &&
      booleanAt(c.sc, 'privileged') !== true,
  )
  if (containers.length === 0) return undefined
  return {
    title: `Set allowPrivilegeEscalation: false on ${containersPhrase(containers.map((c) => c.name))}`,
    parts: containers.map((c) =>
      setValue(input.ctx, at(input, [...c.scPath, 'allowPrivilegeEscalation']), false),
    ),
  }
}

// Baseline allows the 13 default capabilities in add; restricted allows only NET_BIND_SERVICE
// and also needs "ALL" in drop (check_capabilities_baseline.go, check_capabilities_restricted.go).
// The offending add items are exactly the outcome's add paths.
function capabilitiesFix(
  input: CheckFixInput,
  level: 'baseline' | 'restricted',
): FixDraft | undefined {
  const parts: (readonly TextEdit[] | undefined)[] = []
  const names: string[] = []
  const removedCaps: string[] = []
  let dropAll = false
  for (const c of input.view.containers) {
    const capsPath = [...c.scPath, 'capabilities']
    const badAdd = capabilityList(c, 'add').filter(({ path }) =>
      input.outcome.paths.some((bad) => samePath(bad, path)),
    )
    const needsAll =
      level === 'restricted' && !capabilityList(c, 'drop').some(({ name }) => name === 'ALL')
    if (badAdd.length === 0 && !needsAll) continue
    names.push(c.name)
    removedCaps.push(...badAdd.map(({ name }) => name))
    dropAll ||= needsAll
    const addLength = arrayAt(recordAt(c.sc, 'capabilities'), 'add')?.length ?? 0
    const removeWholeAdd = badAdd.length > 0 && badAdd.length === addLength
    let insertDrop = false
    if (needsAll) {
      const miscased = capabilityList(c, 'drop').find(({ name }) => isMiscasedAll(name))
      const dropList = arrayAt(recordAt(c.sc, 'capabilities'), 'drop')
      if (miscased !== undefined) parts.push(setValue(input.ctx, at(input, miscased.path), 'ALL'))
      else if (dropList !== undefined) {
        parts.push(appendItem(input.ctx, at(input, [...capsPath, 'drop']), 'ALL'))
      } else insertDrop = true
    }
    if (removeWholeAdd && insertDrop) {
      // Swapping the entry in place keeps a flow map like {add: [X]} well-formed.
      parts.push(replaceEntry(input.ctx, at(input, capsPath), 'add', 'drop', ['ALL']))
      continue
    }
    if (insertDrop) parts.push(setValue(input.ctx, at(input, [...capsPath, 'drop']), ['ALL']))
    if (removeWholeAdd) parts.push(removeEntries(input.ctx, at(input, capsPath), ['add']))
    else if (badAdd.length > 0) {
      const indexes = badAdd.map(({ path }) => Number(path.at(-1)))
      parts.push(removeEntries(input.ctx, at(input, [...capsPath, 'add']), indexes))
    }
  }
  if (names.length === 0) return undefined
  const actions = [
    ...(dropAll ? ['drop "ALL" capabilities'] : []),
    ...(removedCaps.length > 0
      ? [`remove ${joinQuote(sortedDistinct(removedCaps))} from capabilities.add`]
      : []),
  ]
  return { title: `${capitalize(actions.join(' and '))} on ${containersPhrase(names)}`, parts }
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && startsWith(a, b)
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The UID the runAsNonRoot fix runs containers as when nothing sets one: 65532, the `nonroot` user
 * of the distroless images (GoogleContainerTools/distroless, base/base.bzl), used by many
 * non-root images. Any non-zero UID lets the kubelet start the container.
 */
export const DEFAULT_NON_ROOT_UID = 65532

// check_runAsNonRoot.go: explicit false anywhere fails; otherwise every container needs true at
// its own level or the pod's. Explicit false values become true; containers that rely on the pod
// get the pod-level field. runAsNonRoot alone would trade the finding for a pod that does not
// start when the image runs as root: the kubelet (kuberuntime security_context_others.go,
// verifyRunAsNonRoot) then checks the image's USER. So a container without any runAsUser also
// gets one at pod level (Linux pods only: runAsUser is refused for a Windows pod).
function runAsNonRootFix(input: CheckFixInput): FixDraft {
  const { view } = input
  const podValue = booleanAt(view.podSc, 'runAsNonRoot')
  const explicit = view.containers.filter((c) => booleanAt(c.sc, 'runAsNonRoot') === false)
  const implicit = view.containers.some((c) => booleanAt(c.sc, 'runAsNonRoot') === undefined)
  const setPod = podValue === false || (podValue !== true && implicit)
  const paths: Path[] = [
    ...(setPod ? [[...POD_SC_PATH, 'runAsNonRoot']] : []),
    ...explicit.map((c) => [...c.scPath, 'runAsNonRoot']),
  ]
  const setUid =
    !view.windows &&
    !hasValue(view.podSc, 'runAsUser') &&
    view.containers.some((c) => !hasValue(c.sc, 'runAsUser'))
  const uidPath: Path = [...POD_SC_PATH, 'runAsUser']
  const podEntries: Record<string, JsonValue> = {
    ...(setPod ? { runAsNonRoot: true } : {}),
    ...(setUid ? { runAsUser: DEFAULT_NON_ROOT_UID } : {}),
  }
  // Two keys inserted into an empty or absent map would each write the map: write it once.
  const podScEmpty = view.podSc === undefined || Object.keys(view.podSc).length === 0
  const parts = [
    ...(podScEmpty && Object.keys(podEntries).length > 0
      ? [setValue(input.ctx, at(input, POD_SC_PATH), podEntries)]
      : Object.entries(podEntries).map(([key, value]) =>
          setValue(input.ctx, at(input, [...POD_SC_PATH, key]), value),
        )),
    ...explicit.map((c) => setValue(input.ctx, at(input, [...c.scPath, 'runAsNonRoot']), true)),
  ]
  const uid = setUid ? ` and runAsUser: ${DEFAULT_NON_ROOT_UID}` : ''
  return {
    title: `Set runAsNonRoot: true${uid} on ${targets(view, setUid ? [...paths, uidPath] : paths)}`,
    parts,
  }
}

// check_seccompProfile_baseline.go / _restricted.go (v1.19+ field rules): invalid types become
// RuntimeDefault; for restricted, containers without a profile are covered by a pod-level one.
function seccompFix(input: CheckFixInput, restricted: boolean): FixDraft | undefined {
  if (input.minor < 19) return undefined
  const { view } = input
  const explicit = explicitSeccompViolations(view)
  const paths: Path[] = [...explicit.paths]
  const parts = explicit.paths.map((path) => setValue(input.ctx, at(input, path), 'RuntimeDefault'))
  const podProfile = recordAt(view.podSc, 'seccompProfile')
  const uncovered = view.containers.filter((c) => recordAt(c.sc, 'seccompProfile') === undefined)
  if (restricted && podProfile === undefined && uncovered.length > 0) {
    paths.push([...POD_SC_PATH, 'seccompProfile'])
    parts.push(
      setValue(input.ctx, at(input, [...POD_SC_PATH, 'seccompProfile']), {
        type: 'RuntimeDefault',
      }),
    )
  }
  if (parts.length === 0) return undefined
  return { title: `Set seccompProfile type RuntimeDefault on ${targets(view, paths)}`, parts }
}

function hostNamespacesFix(input: CheckFixInput): FixDraft {
  const fields = input.outcome.paths.map((path) => String(path.at(-1)))
  return {
    title: `Set ${fields.map((field) => `${field}: false`).join(', ')}`,
    parts: input.outcome.paths.map((path) => setValue(input.ctx, at(input, path), false)),
  }
}

/** Removes the last key of each offending path from its map, one removal per map. */
function removeKeys(input: CheckFixInput): (readonly TextEdit[] | undefined)[] {
  const byParent = new Map<string, { parent: Path; keys: string[] }>()
  for (const path of input.outcome.paths) {
    const parent = path.slice(0, -1)
    const id = JSON.stringify(parent)
    const group = byParent.get(id) ?? { parent, keys: [] }
    group.keys.push(String(path.at(-1)))
    byParent.set(id, group)
  }
  return [...byParent.values()].map(({ parent, keys }) =>
    removeEntries(input.ctx, at(input, parent), keys),
  )
}

function hostPortsFix(input: CheckFixInput): FixDraft {
  return {
    title: `Remove hostPort from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

function hostProbesFix(input: CheckFixInput): FixDraft {
  return {
    title: `Remove the probe and lifecycle host from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

// check_seLinuxOptions.go: user and role must be empty and type one of the container types;
// removing the forbidden keys leaves the runtime's defaults.
function seLinuxOptionsFix(input: CheckFixInput): FixDraft {
  const keys = sortedDistinct(input.outcome.paths.map((path) => String(path.at(-1))))
  return {
    title: `Remove seLinuxOptions ${keys.join(', ')} from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

// check_appArmorProfile.go: field types become RuntimeDefault, annotation values runtime/default.
function appArmorFix(input: CheckFixInput): FixDraft {
  const paths = input.outcome.paths
  const fields = paths.filter((path) => path[0] === 'spec')
  const annotations = paths.filter((path) => path[0] === 'metadata')
  const actions = [
    ...(fields.length > 0
      ? [`Set appArmorProfile type RuntimeDefault on ${targets(input.view, fields)}`]
      : []),
    ...(annotations.length > 0 ? ['set the AppArmor annotations to runtime/default'] : []),
  ]
  return {
    title: capitalize(actions.join(' and ')),
    parts: paths.map((path) =>
      setValue(
        input.ctx,
        at(input, path),
        path[0] === 'spec' ? 'RuntimeDefault' : 'runtime/default',
      ),
    ),
  }
}

function sysctlsFix(input: CheckFixInput): FixDraft {
  const { view, outcome } = input
  const indexes = outcome.paths.map((path) => Number(path.at(-2)))
  const items = arrayAt(view.podSc, 'sysctls') ?? []
  const names = indexes.map((index) => {
    const item = items[index]
    return isRecord(item) ? item.name : undefined
  })
  const total = items.length
  const edits =
    indexes.length === total
      ? removeEntries(input.ctx, at(input, POD_SC_PATH), ['sysctls'])
      : removeEntries(input.ctx, at(input, [...POD_SC_PATH, 'sysctls']), indexes)
  const labels = names.map((name) => (typeof name === 'string' ? name : '(unnamed)'))
  return { title: `Remove the forbidden sysctls ${joinQuote(labels)}`, parts: [edits] }
}
