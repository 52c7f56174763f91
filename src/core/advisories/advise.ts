// Hardening advisories beyond the Pod Security Standards. They never change the PSS level.
import type { Advisory, Locate, Path, PodTemplateInput, Severity } from '../types.ts'
import { arrayAt, booleanAt, isRecord, recordAt, stringAt } from '../util/json-access.ts'
import { capabilityList, int64At, isMiscasedAll, podView } from '../workloads/pod-view.ts'
import type { ContainerView, PodView } from '../workloads/pod-view.ts'

const DOCS = {
  securityContext: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  resources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  hostPath: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  serviceAccount:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
  pss: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
}

export interface AdvisoryDraft {
  code: string
  severity: Severity
  message: string
  why: string
  path: Path
  docs: string
}

/** One piece of advice as found: its draft (with the path it is about) and its container. */
export interface AdvisoryFinding {
  draft: AdvisoryDraft
  /** The container it concerns; undefined for pod-wide advice. */
  container?: ContainerView
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
  return toAdvisories(adviseView(pod, podView(pod)), locate)
}

/** The advice for a pod template whose view is already built, with paths kept for the fixes. */
export function adviseView(pod: PodTemplateInput, view: PodView): AdvisoryFinding[] {
  const findings: AdvisoryFinding[] = []
  if (booleanAt(pod.spec, 'automountServiceAccountToken') === undefined) {
    findings.push({
      draft: {
        code: 'automount-token-unset',
        severity: 'info',
        message: 'automountServiceAccountToken is not set on the pod',
        // plugin/pkg/admission/serviceaccount (shouldAutomount, mountServiceAccountToken): the pod
        // field wins, then the ServiceAccount's, else true; the token goes to every init and
        // regular container.
        why: "Then the ServiceAccount's setting decides, and it defaults to true: unless the ServiceAccount sets automountServiceAccountToken: false, an API token is mounted into each init and app container. Set false here if the pod does not call the API server.",
        path: ['spec', 'automountServiceAccountToken'],
        docs: DOCS.serviceAccount,
      },
    })
  }
  for (const container of view.containers) {
    for (const draft of containerAdvice(view, container)) findings.push({ draft, container })
  }
  return findings
}

/** The public advisories of the findings, located in the source, in the same order. */
export function toAdvisories(findings: readonly AdvisoryFinding[], locate: Locate): Advisory[] {
  return findings.map(({ draft, container }) => {
    const { path, ...rest } = draft
    const advisory: Advisory = { ...rest, range: locate(path) }
    if (container !== undefined) advisory.container = container.name
    return advisory
  })
}

function containerAdvice(pod: PodView, c: ContainerView): AdvisoryDraft[] {
  const drafts: AdvisoryDraft[] = []
  const label = `Container "${c.name}"`
  if (!pod.windows && booleanAt(c.sc, 'readOnlyRootFilesystem') !== true) {
    drafts.push({
      code: 'readonly-root-fs',
      severity: 'warning',
      message: `${label} has a writable root filesystem (readOnlyRootFilesystem is not true)`,
      why: "A read-only root filesystem stops a compromised process from changing the image's files or writing new ones outside its writable volumes.",
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
      // runAsUser unset: the runtime runs the image config's User, or UID 0 when it has none
      // (containerd getUserFromImage; see security-context/image-user.ts).
      why: "The UID then comes from the image's USER instruction, or is 0 (root) if the image sets none.",
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
      // k8s.io/api core/v1 types.go: AllowPrivilegeEscalation "is true always when the container
      // is: 1) run as Privileged"; API validation rejects false together with privileged: true.
      why: 'Privilege escalation is always allowed in a privileged container (the API rejects allowPrivilegeEscalation: false with privileged: true), which the unset field hides. Grant only the capabilities needed instead.',
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
        // containerd and CRI-O match ALL with strings.EqualFold (internal/cri/opts/spec_opts.go,
        // internal/factory/container/container.go inStringSlice), Docker upper-cases first
        // (caps/utils.go); PSA check_capabilities_restricted.go compares the exact string.
        why: 'containerd, CRI-O and Docker accept any case at runtime, but the restricted Pod Security level requires the exact string "ALL".',
        path,
        docs: DOCS.pss,
      })
    }
  }
  return drafts
}

function resourceAdvice(c: ContainerView, label: string): AdvisoryDraft[] {
  const resources = recordAt(c.value, 'resources')
  const limits = recordAt(resources, 'limits')
  const requests = recordAt(resources, 'requests')
  const drafts: AdvisoryDraft[] = []
  if (!quantityAt(limits, 'memory')) {
    drafts.push({
      code: 'no-memory-limit',
      severity: 'warning',
      message: `${label} has no memory limit`,
      why: 'Without a limit (or a LimitRange default) it can grow until the node runs short of memory; the kubelet then evicts pods and the kernel OOM-kills processes, and other pods can be hit too.',
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
    // Requests of 0 reserve nothing when scheduling; under memory pressure the kubelet evicts pods
    // using more than their memory request first; a CPU request of 0 gets the minimum CPU weight.
    const effects = [
      ...(missing.includes('memory')
        ? ['the pod is among the first evicted under memory pressure']
        : []),
      ...(missing.includes('cpu')
        ? ['the container gets the smallest CPU share under contention']
        : []),
    ]
    drafts.push({
      code: 'no-resource-requests',
      severity: 'info',
      message: `${label} has no ${what} request`,
      why: `The scheduler reserves node capacity by requests, so the pod can land on a node without room for it, and ${effects.join(' and ')} (unless a LimitRange sets defaults).`,
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

function writableHostPaths(pod: PodView, c: ContainerView, label: string): AdvisoryDraft[] {
  const drafts: AdvisoryDraft[] = []
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
      why: 'A writable hostPath mount lets the container change files on the node itself, as far as its UID and capabilities allow.',
      path: [...c.path, 'volumeMounts', index],
      docs: DOCS.hostPath,
    })
  })
  return drafts
}
