import { withFixes } from './fixes/workload-fixes.ts'
import { findNamespaces, type NamespaceDocument } from './admission/namespaces.ts'
import { simulateAdmission, type AdmissionSubject } from './admission/simulate.ts'
import { computeContainerCapabilities, type CapabilityListItem } from './capabilities/compute.ts'
import { emptyAnalysis } from './empty-analysis.ts'
import { resolveOptions } from './options.ts'
import { adviseView, toAdvisories } from './advisories/advise.ts'
import { checkRunner, evaluatePodView, type RunCheck } from './pss/evaluate.ts'
import { typeDiagnostic } from './diagnostics.ts'
import {
  podLevelDiagnostics,
  resolveEffectiveContext,
} from './security-context/effective-context.ts'
import { verifyAppArmorHost, verifyRunAsNonRoot } from './security-context/kubelet.ts'
import { validateContainer, validatePod } from './security-context/validation.ts'
import type { ContainerSite } from './workloads/containers.ts'
import { podView } from './workloads/pod-view.ts'
import { arrayAt, isRecord, recordAt, stringAt } from './util/json-access.ts'
import type { WorkloadSite } from './workloads/extract-workloads.ts'
import { extractWorkloads } from './workloads/extract-workloads.ts'
import { visitDocuments } from './yaml/parse-documents.ts'
import type {
  Analysis,
  AnalysisOptions,
  AnalysisOutputs,
  ContainerAnalysis,
  ContainerResources,
  Diagnostic,
  HostPathMount,
  Locate,
  Path,
  ResourceAmounts,
  Setting,
  Workload,
} from './types.ts'

/**
 * Analyses a Kubernetes manifest: YAML or JSON, one document or many, `List` objects included.
 *
 * For every pod template found (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * ReplicationController, Job, CronJob, PodTemplate) it reports each container's effective
 * security context, its capability sets, the Pod Security level and advisories. Everything else
 * goes to `diagnostics`: syntax errors, documents that are not workloads (as `info`), wrongly
 * typed fields, and what the API server or the kubelet would refuse.
 *
 * Offsets in the result are zero-based UTF-16 offsets into `source`. Missing options take the
 * documented defaults (`DEFAULT_OPTIONS`). With `{ fixes: true }` every failing check and
 * advisory that has a one-click fix carries it as `fix`; without it no fix is built, which keeps
 * the analysis on every keystroke cheap. Never throws, whatever the input.
 */
export function analyze(
  source: string,
  options: Partial<AnalysisOptions> = {},
  outputs: AnalysisOutputs = {},
): Analysis {
  const resolved = resolveOptions(options)
  try {
    return analyzeUnsafe(typeof source === 'string' ? source : '', resolved, outputs)
  } catch (error) {
    // A bug of ours must not take the page down: report it where the user can see it.
    return {
      ...emptyAnalysis(resolved),
      diagnostics: [
        {
          code: 'internal-error',
          severity: 'error',
          message: `The playground could not analyse this text (${error instanceof Error ? error.message : String(error)}). Your text is unchanged.`,
          range: [0, 0],
          source: 'playground',
        },
      ],
    }
  }
}

/**
 * The largest text analysed (about 4 MB). Parsing costs roughly a second per megabyte in a
 * browser, so beyond this the page would stall; the text itself is never touched.
 */
export const MAX_SOURCE_LENGTH = 4_000_000

function analyzeUnsafe(
  source: string,
  options: AnalysisOptions,
  outputs: AnalysisOutputs,
): Analysis {
  if (source.length > MAX_SOURCE_LENGTH) {
    return {
      ...emptyAnalysis(options),
      diagnostics: [
        {
          code: 'too-large',
          severity: 'warning',
          message: `This text is ${(source.length / 1_000_000).toFixed(1)} million characters long; the playground analyses up to ${MAX_SOURCE_LENGTH / 1_000_000} million. Paste the workloads you want to inspect on their own.`,
          range: [0, 0],
          source: 'playground',
        },
      ],
    }
  }
  // Each document is analysed as soon as it is parsed and nothing keeps its YAML nodes, so they
  // are collected young (see visitDocuments). The diagnostics are gathered per stage so that,
  // after the stable sort below, ties keep the order of the stages.
  const extractDiagnostics: Diagnostic[] = []
  const workloadDiagnostics: Diagnostic[] = []
  const analysed: AnalysedWorkload[] = []
  const namespaces: NamespaceDocument[] = []
  const parsed = visitDocuments(source, (document) => {
    const extracted = extractWorkloads([document])
    extractDiagnostics.push(...extracted.diagnostics)
    for (const site of extracted.workloads) {
      const index = analysed.length
      const { workload, checks } = analyzeWorkload(
        source,
        site,
        index,
        options,
        outputs,
        workloadDiagnostics,
      )
      analysed.push({
        kind: site.kind,
        name: site.name,
        ...(site.namespace !== undefined ? { namespace: site.namespace } : {}),
        pod: site.pod,
        range: workload.range,
        checks,
        workload,
      })
    }
    namespaces.push(...findNamespaces([document]))
  })
  if (parsed.unparseable) {
    // The parser gave up part-way: the text is analysed as if it held no document.
    analysed.length = 0
    namespaces.length = 0
    extractDiagnostics.length = 0
    workloadDiagnostics.length = 0
  }
  const admission = simulateAdmission(analysed, namespaces, options.namespaceLabels)
  const workloads = admission.workloads.map(([{ workload }, result]) => ({
    ...workload,
    admission: result,
  }))
  const diagnostics = [...parsed.diagnostics, ...extractDiagnostics, ...workloadDiagnostics]
  diagnostics.sort((a, b) => a.range[0] - b.range[0])
  return { options, diagnostics, workloads, admission: admission.summary }
}

/** A workload analysed, with what admission needs to know of it. */
interface AnalysedWorkload extends AdmissionSubject {
  workload: Omit<Workload, 'admission'>
}

function analyzeWorkload(
  source: string,
  site: WorkloadSite,
  index: number,
  options: AnalysisOptions,
  outputs: AnalysisOutputs,
  diagnostics: Diagnostic[],
): { workload: Omit<Workload, 'admission'>; checks: RunCheck } {
  const locate: Locate = site.document.locator(site.templatePath)
  diagnostics.push(
    ...podLevelDiagnostics(site.pod, locate),
    ...validatePod(site.pod, locate, apiTemplatePath(site)),
    ...verifyAppArmorHost(site.pod, options, locate),
  )
  const containers = site.containers.map((container) =>
    analyzeContainer(site, container, options, locate, diagnostics),
  )
  const objectRange = site.objectPath.length
    ? site.document.locateNearest(site.objectPath)
    : site.document.range
  // One pod view per workload: Pod Security, admission, the advisories and the fixes all read it,
  // and each check runs on it once.
  const view = podView(site.pod)
  const checks = checkRunner(view)
  const evaluation = evaluatePodView(checks, options.kubernetesVersion, locate, {
    kind: site.kind,
    name: site.name,
  })
  const findings = adviseView(site.pod, view)
  const found = { podSecurity: evaluation.podSecurity, advisories: toAdvisories(findings, locate) }
  const { podSecurity, advisories } =
    outputs.fixes === true
      ? withFixes(
          {
            source,
            document: site.document,
            templatePath: site.templatePath,
            view,
            evaluation,
            findings,
            workload: index,
          },
          found.advisories,
        )
      : found
  const workload = {
    kind: site.kind,
    name: site.name,
    ...(site.namespace !== undefined ? { namespace: site.namespace } : {}),
    document: site.document.index,
    range: objectRange,
    podSpecRange: locate(['spec']),
    containers,
    podSecurity,
    advisories,
  }
  return { workload, checks }
}

function analyzeContainer(
  site: WorkloadSite,
  container: ContainerSite,
  options: AnalysisOptions,
  locate: Locate,
  diagnostics: Diagnostic[],
): ContainerAnalysis {
  const containerPath: Path = ['spec', container.list, container.index]
  const context = resolveEffectiveContext(site.pod, container, options, locate)
  diagnostics.push(
    ...context.diagnostics,
    ...validateContainer(site.pod, container, locate, apiTemplatePath(site)),
    ...verifyRunAsNonRoot(site, container, context.settings, options, locate),
  )
  const settings = context.settings
  const capabilityLists = readCapabilityLists(container, locate, diagnostics)
  const capabilities = computeContainerCapabilities({
    runtime: options.runtime,
    kernel: options.kernel,
    privileged: settings.privileged.value === true,
    add: capabilityLists.add,
    drop: capabilityLists.drop,
    ...effectiveUser(settings.runAsUser),
    allowPrivilegeEscalation: booleanSetting(settings.allowPrivilegeEscalation),
  })
  // Capability hints stay on the container; only what makes the runtime refuse the container is
  // raised to the document's diagnostics.
  for (const warning of capabilities.warnings.filter((w) => w.severity === 'error')) {
    diagnostics.push({
      code: warning.code,
      severity: warning.severity,
      message: `${container.name}: ${warning.message}`,
      range: warning.range ?? locate(containerPath),
      source: 'runtime',
    })
  }
  return {
    name: container.name,
    type: container.type,
    range: locate(containerPath),
    settings,
    hostPathMounts: hostPathMounts(site, container, locate),
    resources: readResources(container.value),
    capabilities,
  }
}

/**
 * Where the pod template sits inside its own object (`['spec', 'template']` for a Deployment), so
 * API messages print `spec.template.spec.containers[0]…` as the API server does for that kind. A
 * List item is validated as its own object, so the List's `items[i]` is left out.
 */
function apiTemplatePath(site: WorkloadSite): Path {
  return site.templatePath.slice(site.objectPath.length)
}

/**
 * Who the process runs as: the numeric runAsUser or image USER; a user name other than root is
 * non-root with an unknown UID; null when nothing is known (computed as root).
 */
function effectiveUser(runAsUser: Setting): { uid: number | null; userName?: string } {
  const value = runAsUser.value
  if (typeof value === 'number') return { uid: value }
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return { uid: Number(value) }
    if (value === 'root') return { uid: 0 }
    return { uid: null, userName: value }
  }
  return { uid: null }
}

function booleanSetting(setting: Setting): boolean | undefined {
  return setting.source === 'default'
    ? undefined
    : typeof setting.value === 'boolean'
      ? setting.value
      : undefined
}

function readCapabilityLists(
  container: ContainerSite,
  locate: Locate,
  diagnostics: Diagnostic[],
): { add: CapabilityListItem[]; drop: CapabilityListItem[] } {
  const capabilities = recordAt(recordAt(container.value, 'securityContext'), 'capabilities')
  const read = (list: 'add' | 'drop'): CapabilityListItem[] => {
    const path: Path = [
      'spec',
      container.list,
      container.index,
      'securityContext',
      'capabilities',
      list,
    ]
    const raw = capabilities?.[list]
    if (raw === undefined || raw === null) return []
    if (!Array.isArray(raw)) {
      diagnostics.push(typeDiagnostic(path, 'array', raw, locate(path)))
      return []
    }
    const items: CapabilityListItem[] = []
    raw.forEach((name, index) => {
      if (typeof name === 'string') items.push({ name, range: locate([...path, index]) })
      else
        diagnostics.push(typeDiagnostic([...path, index], 'string', name, locate([...path, index])))
    })
    return items
  }
  return { add: read('add'), drop: read('drop') }
}

function hostPathMounts(
  site: WorkloadSite,
  container: ContainerSite,
  locate: Locate,
): HostPathMount[] {
  const hostPaths = new Map<string, string>()
  for (const volume of arrayAt(site.pod.spec, 'volumes') ?? []) {
    const name = stringAt(volume, 'name')
    const hostPath = recordAt(volume, 'hostPath')
    if (name !== undefined && hostPath) hostPaths.set(name, stringAt(hostPath, 'path') ?? '')
  }
  const mounts: HostPathMount[] = []
  ;(arrayAt(container.value, 'volumeMounts') ?? []).forEach((mount, index) => {
    const volume = stringAt(mount, 'name')
    if (volume === undefined || !hostPaths.has(volume) || !isRecord(mount)) return
    mounts.push({
      volume,
      path: hostPaths.get(volume) ?? '',
      mountPath: stringAt(mount, 'mountPath') ?? '',
      readOnly: mount.readOnly === true,
      range: locate(['spec', container.list, container.index, 'volumeMounts', index]),
    })
  })
  return mounts
}

function readResources(container: Record<string, unknown>): ContainerResources {
  const resources = recordAt(container, 'resources')
  const amounts = (key: 'requests' | 'limits'): ResourceAmounts => {
    const record = recordAt(resources, key)
    const result: ResourceAmounts = {}
    for (const name of ['cpu', 'memory'] as const) {
      const value = record?.[name]
      if (typeof value === 'string' || typeof value === 'number') result[name] = String(value)
    }
    return result
  }
  return { requests: amounts('requests'), limits: amounts('limits') }
}
