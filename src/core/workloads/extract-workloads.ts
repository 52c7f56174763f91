import { isRecord, recordAt, stringAt, valueAtPath, type JsonRecord } from '../util/json-access.ts'
import type { ParsedDocument } from '../yaml/parse-documents.ts'
import { describeValue, formatPath, typeDiagnostic } from '../diagnostics.ts'
import { CONTAINER_LISTS, type ContainerSite } from './containers.ts'
import type { Diagnostic, Path, PodTemplateInput, WorkloadKind } from '../types.ts'

/**
 * Where each workload kind keeps its pod template (k8s.io/api apps/v1, batch/v1, core/v1): the
 * catalogue of workload kinds, which `WorkloadKind` derives from.
 */
export const POD_TEMPLATE_PATHS = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
} as const satisfies Record<string, Path>

/** Every kind whose pod template is analysed, in catalogue order. */
export const WORKLOAD_KINDS = Object.keys(POD_TEMPLATE_PATHS) as WorkloadKind[]

/** A pod template found in a document, with everything needed to analyse it. */
export interface WorkloadSite {
  kind: WorkloadKind
  name: string
  namespace?: string
  document: ParsedDocument
  /** Path of the object in its document ([] or ['items', i] inside a List). */
  objectPath: Path
  /** Path of the pod template in its document (metadata and spec live below it). */
  templatePath: Path
  pod: PodTemplateInput
  containers: ContainerSite[]
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return Object.hasOwn(POD_TEMPLATE_PATHS, kind)
}

/**
 * Finds every pod template in the parsed documents: workload objects and the items of `List`
 * objects. Other kinds are reported as informational diagnostics, never as errors.
 */
export function extractWorkloads(documents: readonly ParsedDocument[]): {
  workloads: WorkloadSite[]
  diagnostics: Diagnostic[]
} {
  const workloads: WorkloadSite[] = []
  const diagnostics: Diagnostic[] = []
  for (const document of documents) {
    const value = document.value
    if (value === undefined || value === null) continue
    if (!isRecord(value)) {
      diagnostics.push({
        code: 'not-an-object',
        severity: 'warning',
        message: `Document ${document.index + 1} is ${describeValue(value)}, not a Kubernetes object (a mapping with apiVersion and kind).`,
        range: document.range,
        source: 'playground',
      })
      continue
    }
    visitObject(document, value, [], workloads, diagnostics)
  }
  return { workloads, diagnostics }
}

function visitObject(
  document: ParsedDocument,
  object: JsonRecord,
  objectPath: Path,
  workloads: WorkloadSite[],
  diagnostics: Diagnostic[],
): void {
  const locate = document.locator(objectPath)
  const kind = object.kind
  if (typeof kind !== 'string' || kind === '') {
    diagnostics.push({
      code: 'missing-kind',
      severity: 'warning',
      message: `${objectPath.length ? `Item ${formatPath(objectPath)}` : `Document ${document.index + 1}`} has no kind, so it is not analysed.`,
      range: objectPath.length ? locate([]) : document.range,
      source: 'playground',
    })
    return
  }
  const name = stringAt(recordAt(object, 'metadata'), 'name') ?? ''
  if (kind === 'List' || kind.endsWith('List')) {
    const items = object.items
    if (!Array.isArray(items)) {
      if (items !== undefined && items !== null)
        diagnostics.push(
          typeDiagnostic([...objectPath, 'items'], 'array', items, locate(['items'])),
        )
      return
    }
    items.forEach((item, index) => {
      const itemPath = [...objectPath, 'items', index]
      if (isRecord(item)) visitObject(document, item, itemPath, workloads, diagnostics)
      else
        diagnostics.push(typeDiagnostic(itemPath, 'object', item, document.locateNearest(itemPath)))
    })
    return
  }
  if (!isWorkloadKind(kind)) {
    diagnostics.push({
      code: 'not-a-workload',
      severity: 'info',
      message: `${kind}${name ? ` "${name}"` : ''} is not a workload: it runs no containers, so it is skipped.`,
      range: locate(['kind']),
      source: 'playground',
    })
    return
  }
  const templateRelative: Path = POD_TEMPLATE_PATHS[kind]
  const template = valueAtPath(object, templateRelative)
  const templatePath = [...objectPath, ...templateRelative]
  const label = `${kind}${name ? ` "${name}"` : ''}`
  if (!isRecord(template)) {
    diagnostics.push({
      code: 'missing-pod-template',
      severity: 'warning',
      message: `${label} has no pod template at ${formatPath(templateRelative.length ? templateRelative : ['spec'])}, so it has no containers to analyse.`,
      range: locate(templateRelative),
      source: 'playground',
    })
    return
  }
  const pod: PodTemplateInput = { metadata: template.metadata, spec: template.spec }
  const inTemplate = document.locator(templatePath)
  const containers: ContainerSite[] = []
  for (const { list, type } of CONTAINER_LISTS) {
    const raw = isRecord(pod.spec) ? pod.spec[list] : undefined
    if (raw === undefined || raw === null) continue
    if (!Array.isArray(raw)) {
      diagnostics.push(typeDiagnostic(['spec', list], 'array', raw, inTemplate(['spec', list])))
      continue
    }
    raw.forEach((item, index) => {
      if (!isRecord(item)) {
        diagnostics.push(
          typeDiagnostic(['spec', list, index], 'object', item, inTemplate(['spec', list, index])),
        )
        return
      }
      const containerName =
        typeof item.name === 'string' && item.name !== '' ? item.name : `${list}[${index}]`
      if (item.name !== undefined && item.name !== null && typeof item.name !== 'string') {
        // e.g. `name: y`, which YAML 1.1 reads as true: the API server cannot decode it.
        const namePath = ['spec', list, index, 'name']
        diagnostics.push(typeDiagnostic(namePath, 'string', item.name, inTemplate(namePath)))
      } else if (containerName !== item.name) {
        diagnostics.push({
          code: 'container-without-name',
          severity: 'error',
          message: `${formatPath([...templateRelative, 'spec', list, index, 'name'])}: Required value (shown here as "${containerName}").`,
          range: inTemplate(['spec', list, index]),
          source: 'api-server',
        })
      }
      containers.push({ name: containerName, type, list, index, value: item })
    })
  }
  // validateContainers: an empty list is refused, whatever the init or ephemeral containers.
  if (!containers.some((c) => c.type === 'container')) {
    diagnostics.push({
      code: 'no-containers',
      severity: 'error',
      message: `${formatPath([...templateRelative, 'spec', 'containers'])}: Required value (${label} has no containers).`,
      range: inTemplate(['spec']),
      source: 'api-server',
    })
  }
  const namespace = stringAt(recordAt(object, 'metadata'), 'namespace')
  workloads.push({
    kind,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    document,
    objectPath,
    templatePath,
    pod,
    containers,
  })
}
