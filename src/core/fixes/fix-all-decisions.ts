// The edits `fixAll` makes from the user's decisions, beyond the per-check fixes: a runAsUser, a
// Localhost seccomp profile, NET_BIND_SERVICE added back. Each works on the parsed source the way
// the check fixes do (minimal text edits, see yaml-edits.ts).
import type { JsonValue, Path, TextEdit } from '../types.ts'
import { arrayAt, booleanAt, hasValue, numberAt, recordAt, stringAt } from '../util/json-access.ts'
import { capabilityList } from '../pss/checks/capability-lists.ts'
import { POD_SC_PATH, podView } from '../pss/pod-view.ts'
import type { ContainerView, PodView } from '../pss/pod-view.ts'
import { extractWorkloads } from '../workloads/extract-workloads.ts'
import { parseDocuments } from '../yaml/parse-documents.ts'
import { createEditContext, finishEdits, memoComments, setValue, appendItem } from './yaml-edits.ts'
import type { EditContext } from './yaml-edits.ts'

/** One workload of a source, ready to be edited. */
export interface EditSite {
  index: number
  view: PodView
  ctx: EditContext
  /** Path of the pod template in its document. */
  base: Path
}

/** The workloads of `source`, indexed as `analyze` indexes them. */
export function editSites(source: string): EditSite[] {
  const { documents } = parseDocuments(source)
  const comments = memoComments(source)
  const contexts = new Map<object, EditContext>()
  return extractWorkloads(documents).workloads.map((site, index) => {
    let ctx = contexts.get(site.document.yaml)
    if (ctx === undefined) {
      ctx = createEditContext(source, site.document.yaml, comments)
      contexts.set(site.document.yaml, ctx)
    }
    return { index, view: podView(site.pod), ctx, base: site.templatePath }
  })
}

/** Edits of one decision for one workload, with the title the user sees. */
export interface DecisionEdit {
  title: string
  edits: TextEdit[]
}

function at(site: EditSite, path: Path): Path {
  return [...site.base, ...path]
}

function finish(site: EditSite, title: string, parts: (TextEdit[] | undefined)[]) {
  if (parts.length === 0) return undefined
  const edits = finishEdits(site.ctx, parts)
  return edits === undefined ? undefined : { title, edits }
}

/** Sets several keys of one map, writing the map once when it is empty or absent. */
function setEntries(
  site: EditSite,
  mapPath: Path,
  map: Record<string, unknown> | undefined,
  entries: Record<string, JsonValue>,
): (TextEdit[] | undefined)[] {
  if (Object.keys(entries).length === 0) return []
  if (map === undefined || Object.keys(map).length === 0) {
    return [setValue(site.ctx, at(site, mapPath), entries)]
  }
  return Object.entries(entries).map(([key, value]) =>
    setValue(site.ctx, at(site, [...mapPath, key]), value),
  )
}

/**
 * Writes `uid` as runAsUser wherever a container would run as root or as an unknown image USER
 * under runAsNonRoot: the pod gets it when some container has no runAsUser of its own, and
 * every `runAsUser: 0` the runAsNonRoot or runAsUser check reads becomes `uid`. `nonRoot` says
 * whether runAsNonRoot will be true for every container (restricted requires it). The kubelet
 * (kuberuntime security_context_others.go, verifyRunAsNonRoot) then passes whatever the image.
 * Nothing for a Windows pod, where the API refuses runAsUser.
 */
export function runAsUserEdit(
  site: EditSite,
  uid: number,
  nonRoot: boolean,
): DecisionEdit | undefined {
  const { view } = site
  if (view.windows) return undefined
  const podNonRoot = booleanAt(view.podSc, 'runAsNonRoot')
  const podHasUser = hasValue(view.podSc, 'runAsUser')
  const podRoot = podHasUser && numberAt(view.podSc, 'runAsUser') === 0
  let setPod = podRoot && nonRoot
  const containers: ContainerView[] = []
  for (const c of view.containers) {
    const checked = nonRoot || (booleanAt(c.sc, 'runAsNonRoot') ?? podNonRoot) === true
    if (!checked) continue
    if (hasValue(c.sc, 'runAsUser')) {
      if (numberAt(c.sc, 'runAsUser') === 0) containers.push(c)
    } else if (!podHasUser || podRoot) setPod = true
  }
  if (!setPod && containers.length === 0) return undefined
  const parts = [
    ...(setPod ? setEntries(site, POD_SC_PATH, view.podSc, { runAsUser: uid }) : []),
    ...containers.map((c) => setValue(site.ctx, at(site, [...c.scPath, 'runAsUser']), uid)),
  ]
  const where = [
    ...(setPod ? ['the pod'] : []),
    ...containers.map((c) => `container "${c.name}"`),
  ].join(', ')
  return finish(site, `Set runAsUser: ${uid} on ${where}`, parts)
}

/** Where a seccomp profile can be written: the pod and each container. */
function seccompPlaces(view: PodView): { path: Path; sc: Record<string, unknown> | undefined }[] {
  return [
    { path: POD_SC_PATH, sc: view.podSc },
    ...view.containers.map((c) => ({ path: c.scPath, sc: c.sc })),
  ]
}

function seccompType(sc: Record<string, unknown> | undefined): string | undefined {
  return stringAt(recordAt(sc, 'seccompProfile'), 'type')
}

/**
 * Turns the RuntimeDefault profiles the fixes wrote (RuntimeDefault in `after`, something else
 * in `before`, the same workload before the fixes) into the chosen Localhost profile.
 */
export function localhostSeccompEdit(
  before: PodView,
  site: EditSite,
  profile: string,
): DecisionEdit | undefined {
  const previous = seccompPlaces(before)
  const parts: (TextEdit[] | undefined)[] = []
  seccompPlaces(site.view).forEach(({ path, sc }, i) => {
    if (seccompType(sc) !== 'RuntimeDefault') return
    if (seccompType(previous[i]?.sc) === 'RuntimeDefault') return
    const profilePath = [...path, 'seccompProfile']
    parts.push(
      setValue(site.ctx, at(site, [...profilePath, 'type']), 'Localhost'),
      setValue(site.ctx, at(site, [...profilePath, 'localhostProfile']), profile),
    )
  })
  return finish(site, `Use the Localhost seccomp profile "${profile}"`, parts)
}

/** The containerPorts below 1024 a container declares. */
function privilegedPorts(c: ContainerView): number[] {
  return (arrayAt(c.value, 'ports') ?? [])
    .map((port) => numberAt(port, 'containerPort'))
    .filter((port): port is number => port !== undefined && port > 0 && port < 1024)
}

/**
 * Adds NET_BIND_SERVICE back to the containers that listen on a port below 1024 and lost every
 * capability to the fixes (no `ALL` in drop before, `ALL` now).
 */
export function netBindServiceEdit(before: PodView, site: EditSite): DecisionEdit | undefined {
  if (site.view.windows) return undefined
  const names: string[] = []
  const parts: (TextEdit[] | undefined)[] = []
  site.view.containers.forEach((c, i) => {
    const old = before.containers[i]
    if (old === undefined || privilegedPorts(c).length === 0) return
    const dropsAll = (view: ContainerView) =>
      capabilityList(view, 'drop').some(({ name }) => name === 'ALL')
    if (dropsAll(old) || !dropsAll(c)) return
    if (capabilityList(c, 'add').some(({ name }) => name === 'NET_BIND_SERVICE')) return
    names.push(`"${c.name}"`)
    parts.push(
      appendItem(site.ctx, at(site, [...c.scPath, 'capabilities', 'add']), 'NET_BIND_SERVICE'),
    )
  })
  const containers = `${names.length === 1 ? 'container' : 'containers'} ${names.join(', ')}`
  return finish(site, `Add NET_BIND_SERVICE back to ${containers} (ports below 1024)`, parts)
}

/** Whether the workload's containers declare a port below 1024 (the decision then matters). */
export function listensBelow1024(view: PodView): boolean {
  return view.containers.some((c) => privilegedPorts(c).length > 0)
}
