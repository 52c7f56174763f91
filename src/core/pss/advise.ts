// Hardening advisories beyond the Pod Security Standards. They never change the PSS level.
import type { Advisory, Locate, Path, PodTemplateInput, Severity } from '../types.ts'
import { arrayAt, booleanAt, isRecord, recordAt, stringAt } from '../util/json-access.ts'
import { capabilityList, isMiscasedAll } from './checks/capability-lists.ts'
import { int64At, podView } from './pod-view.ts'
import type { ContainerView, PodView } from './pod-view.ts'

const DOCS = {
  securityContext: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  resources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  hostPath: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  serviceAccount:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
  pss: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
}

interface Draft {
  code: string
  severity: Severity
  message: string
  why: string
  path: Path
  docs: string
}

/**
 * Hardening advice for one pod template: a separate tier from Pod Security, with stable codes
 * (`readonly-root-fs`, `no-memory-limit`, `no-resource-requests`, `run-as-user-unset`,
 * `writable-host-path`, `privileged-ape-unset`, `automount-token-unset`, `drop-all-case`).
 * Pod-wide advice comes first, then each container in init → regular → ephemeral order.
 * Linux-only advice is skipped for `spec.os.name: windows` pods, and resource advice for
 * ephemeral containers (the API forbids resources on them). Never throws.
 */
export function adviseWorkload(pod: PodTemplateInput, locate: Locate): Advisory[] {
  const view = podView(pod)
  const advisories: Advisory[] = []
  if (booleanAt(pod.spec, 'automountServiceAccountToken') === undefined) {
    advisories.push(
      toAdvisory(locate, undefined, {
        code: 'automount-token-unset',
        severity: 'info',
        message: 'automountServiceAccountToken is not set on the pod',
        why: 'Unless the service account opts out, its API token is mounted into every container.',
        path: ['spec', 'automountServiceAccountToken'],
        docs: DOCS.serviceAccount,
      }),
    )
  }
  for (const c of view.containers) {
    for (const draft of containerAdvice(view, c)) advisories.push(toAdvisory(locate, c.name, draft))
  }
  return advisories
}

function toAdvisory(locate: Locate, container: string | undefined, draft: Draft): Advisory {
  const { path, ...rest } = draft
  const advisory: Advisory = { ...rest, range: locate(path) }
  if (container !== undefined) advisory.container = container
  return advisory
}

function containerAdvice(pod: PodView, c: ContainerView): Draft[] {
  const drafts: Draft[] = []
  const label = `Container "${c.name}"`
  if (!pod.windows && booleanAt(c.sc, 'readOnlyRootFilesystem') !== true) {
    drafts.push({
      code: 'readonly-root-fs',
      severity: 'warning',
      message: `${label} has a writable root filesystem (readOnlyRootFilesystem is not true)`,
      why: 'A read-only root filesystem stops a compromised process from changing binaries or dropping tools.',
      path: [...c.scPath, 'readOnlyRootFilesystem'],
      docs: DOCS.securityContext,
    })
  }
  if (c.list !== 'ephemeralContainers') drafts.push(...resourceAdvice(c, label))
  if (
    !pod.windows &&
    int64At(pod.podSc, 'runAsUser') === undefined &&
    int64At(c.sc, 'runAsUser') === undefined
  ) {
    drafts.push({
      code: 'run-as-user-unset',
      severity: 'info',
      message: `${label} has no runAsUser at pod or container level`,
      why: "The UID then comes from the image's USER, which is root in most images.",
      path: [...c.scPath, 'runAsUser'],
      docs: DOCS.securityContext,
    })
  }
  drafts.push(...writableHostPaths(pod, c, label))
  if (
    !pod.windows &&
    booleanAt(c.sc, 'privileged') === true &&
    booleanAt(c.sc, 'allowPrivilegeEscalation') === undefined
  ) {
    drafts.push({
      code: 'privileged-ape-unset',
      severity: 'warning',
      message: `${label} is privileged and leaves allowPrivilegeEscalation unset`,
      why: 'A privileged container always allows privilege escalation; the unset field hides that.',
      path: [...c.scPath, 'privileged'],
      docs: DOCS.securityContext,
    })
  }
  if (!pod.windows) {
    for (const { name, path } of capabilityList(c, 'drop').filter((e) => isMiscasedAll(e.name))) {
      drafts.push({
        code: 'drop-all-case',
        severity: 'warning',
        message: `${label} drops "${name}" instead of "ALL"`,
        why: 'containerd accepts any case at runtime, but restricted admission requires the exact string "ALL".',
        path,
        docs: DOCS.pss,
      })
    }
  }
  return drafts
}

function resourceAdvice(c: ContainerView, label: string): Draft[] {
  const resources = recordAt(c.value, 'resources')
  const limits = recordAt(resources, 'limits')
  const requests = recordAt(resources, 'requests')
  const drafts: Draft[] = []
  if (!quantityAt(limits, 'memory')) {
    drafts.push({
      code: 'no-memory-limit',
      severity: 'warning',
      message: `${label} has no memory limit`,
      why: 'Without a limit the container can use all free node memory and push other pods into OOM kills.',
      path: [...c.path, 'resources', 'limits', 'memory'],
      docs: DOCS.resources,
    })
  }
  // The API server defaults a missing request to the limit, so a limit alone counts.
  const missing = (['cpu', 'memory'] as const).filter(
    (resource) => !quantityAt(requests, resource) && !quantityAt(limits, resource),
  )
  if (missing.length > 0) {
    const what = missing.map((resource) => (resource === 'cpu' ? 'CPU' : 'memory')).join(' or ')
    drafts.push({
      code: 'no-resource-requests',
      severity: 'info',
      message: `${label} has no ${what} request`,
      why: 'The scheduler places pods by their requests; without them the pod can land on a full node and is evicted first.',
      path: [...c.path, 'resources', 'requests'],
      docs: DOCS.resources,
    })
  }
  return drafts
}

/** A resource quantity is a string or a number in the manifest. */
function quantityAt(parent: unknown, key: string): boolean {
  const value = isRecord(parent) ? parent[key] : undefined
  return typeof value === 'string' || typeof value === 'number'
}

function writableHostPaths(pod: PodView, c: ContainerView, label: string): Draft[] {
  const drafts: Draft[] = []
  ;(arrayAt(c.value, 'volumeMounts') ?? []).forEach((mount, index) => {
    const name = stringAt(mount, 'name')
    const volume = pod.volumes.find((v) => v.name === name)
    if (volume === undefined || !volume.sources.has('hostPath')) return
    if (booleanAt(mount, 'readOnly') === true) return
    const hostPath = stringAt(recordAt(volume.value, 'hostPath'), 'path') ?? ''
    drafts.push({
      code: 'writable-host-path',
      severity: 'warning',
      message: `${label} mounts hostPath volume "${volume.name}" (${hostPath}) read-write`,
      why: 'A writable hostPath mount lets the container change files on the node itself.',
      path: [...c.path, 'volumeMounts', index],
      docs: DOCS.hostPath,
    })
  })
  return drafts
}
