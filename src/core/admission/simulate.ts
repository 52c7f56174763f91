// What Pod Security Admission answers when the source is applied with `kubectl apply -f -`.
// Upstream: kubernetes/pod-security-admission admission/admission.go — ValidatePod (Pods: enforce,
// then audit, then warn only when allowed; fully privileged namespaces short-circuit),
// ValidatePodController (templates: warn and audit only, never enforce), EvaluatePod (messages
// and audit annotations), ValidateNamespace (invalid labels refuse the Namespace).
import { goQuote } from '../util/go-format.ts'
import type { PodTemplateInput, Range, WorkloadKind } from '../types.ts'
import {
  aggregateLabelErrors,
  controllerEvent,
  createdLine,
  namespaceInvalidLines,
  podForbidden,
  serverError,
  warningLine,
  wouldViolate,
} from './kubectl.ts'
import type { NamespaceDocument } from './namespaces.ts'
import { withPodDefaults } from './pod-defaults.ts'
import { formatLevelVersion, fullyPrivileged, LABEL_PREFIX, policyToEvaluate } from './policy.ts'
import {
  lazyCheckRunner,
  podAllows,
  podEvaluator,
  type Allows,
  type Evaluate,
} from './evaluator.ts'
import type { RunCheck } from '../pss/evaluate.ts'
import { suggestEnforce } from './suggest.ts'
import type {
  AdmissionSummary,
  LabelError,
  NamespaceAdmission,
  NamespaceLabels,
  NamespacePolicy,
  WorkloadAdmission,
} from './types.ts'

/** What the simulation needs to know of each workload. */
export interface AdmissionSubject {
  kind: WorkloadKind
  name: string
  namespace?: string
  pod: PodTemplateInput
  /** The object's range: its start orders it among the Namespaces, as kubectl applies in order. */
  range: Range
  /** Runs the checks on the template's pod view when the caller has built it (see analyze.ts). */
  checks?: RunCheck
}

// Audit annotation keys: the in-tree plugin prefixes upstream's keys with AuditAnnotationPrefix.
const AUDIT_VIOLATIONS = `${LABEL_PREFIX}audit-violations`
const ENFORCE_POLICY = `${LABEL_PREFIX}enforce-policy`
const AUDIT_ERROR = `${LABEL_PREFIX}error`

/** kubectl creates objects without a namespace in its context's namespace, usually `default`. */
const CONTEXT_NAMESPACE = 'default'

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease'])

interface ResolvedPolicy {
  name: string
  source: 'document' | 'assumption'
  document?: NamespaceDocument
  policy: NamespacePolicy
  errors: LabelError[]
}

/**
 * Simulates admission for every workload, in source order, and summarises each namespace. A
 * workload's namespace policy comes from the last Namespace of that name before it in the source
 * (or, failing that, the first after it), else from `assumedLabels`. Never throws.
 */
export function simulateAdmission<S extends AdmissionSubject>(
  subjects: readonly S[],
  namespaceDocuments: readonly NamespaceDocument[],
  assumedLabels: NamespaceLabels,
): { workloads: [S, WorkloadAdmission][]; summary: AdmissionSummary } {
  const printedWarnings = new Set<string>()
  const evaluated = subjects.map((subject) => {
    // Pod requests (a bare Pod, the Pods a controller creates) are defaulted first; a
    // controller's own request carries the template as written.
    const defaulted = withPodDefaults(subject.pod)
    const templateChecks = subject.checks ?? lazyCheckRunner(subject.pod)
    // Defaulting changed nothing (no hostNetwork): the Pods are the template.
    const podChecks = defaulted === subject.pod ? templateChecks : lazyCheckRunner(defaulted)
    const evaluateTemplate = podEvaluator(subject.pod, templateChecks)
    const evaluate =
      defaulted === subject.pod ? evaluateTemplate : podEvaluator(defaulted, podChecks)
    const resolved = resolvePolicy(subject, namespaceDocuments, assumedLabels)
    // A bare Pod's own request is a Pod request, so it is defaulted too.
    const admission = admitWorkload(
      subject,
      resolved,
      subject.kind === 'Pod' ? evaluate : evaluateTemplate,
      evaluate,
      { printedWarnings },
    )
    return { subject, allows: podAllows(podChecks), admission }
  })
  return {
    workloads: evaluated.map(({ subject, admission }) => [subject, admission]),
    summary: summarise(evaluated, namespaceDocuments, assumedLabels),
  }
}

function namespaceOf(subject: AdmissionSubject): string {
  return subject.namespace === undefined || subject.namespace === ''
    ? CONTEXT_NAMESPACE
    : subject.namespace
}

function resolvePolicy(
  subject: AdmissionSubject,
  documents: readonly NamespaceDocument[],
  assumedLabels: NamespaceLabels,
): ResolvedPolicy {
  const name = namespaceOf(subject)
  const named = documents.filter((d) => d.name === name)
  const document =
    named.findLast((d) => d.range[0] < subject.range[0]) ??
    named.find((d) => d.range[0] >= subject.range[0])
  const { policy, errors } = policyToEvaluate(document ? document.labels : assumedLabels)
  return document
    ? { name, source: 'document', document, policy, errors }
    : { name, source: 'assumption', policy, errors }
}

function admitWorkload(
  subject: AdmissionSubject,
  resolved: ResolvedPolicy,
  /** Evaluates the object of the request itself. */
  evaluate: Evaluate,
  /** Evaluates the Pods created from it (the same object for a Pod). */
  evaluatePod: Evaluate,
  run: { printedWarnings: Set<string> },
): WorkloadAdmission {
  const { policy, errors } = resolved
  const isPod = subject.kind === 'Pod'
  const auditAnnotations: Record<string, string> = {}
  let forbidden: string | undefined
  let warning: string | undefined

  // ValidatePod short-circuits a fully privileged namespace; ValidatePodController one whose
  // warn and audit are privileged. Both only when the labels parsed without error.
  const shortCircuit =
    errors.length === 0 &&
    (isPod
      ? fullyPrivileged(policy)
      : policy.warn.level === 'privileged' && policy.audit.level === 'privileged')
  if (shortCircuit) {
    // sharedAllowedPrivilegedResponse records privileged:latest whatever the version label says.
    if (isPod) auditAnnotations[ENFORCE_POLICY] = 'privileged:latest'
  } else {
    if (errors.length > 0) {
      auditAnnotations[AUDIT_ERROR] = `Failed to parse policy: ${aggregateLabelErrors(errors)}`
    }
    if (isPod) {
      auditAnnotations[ENFORCE_POLICY] = formatLevelVersion(policy.enforce)
      const enforced = evaluate(policy.enforce)
      if (!enforced.allowed) {
        forbidden = podForbidden(subject.name, policy.enforce, enforced.detailedMessage)
      }
    }
    const audited = evaluate(policy.audit)
    if (!audited.allowed) {
      auditAnnotations[AUDIT_VIOLATIONS] = wouldViolate(policy.audit, audited.detailedMessage)
    }
    // No warnings on a request that is already refused.
    if (forbidden === undefined) {
      const warned = evaluate(policy.warn)
      if (!warned.allowed) warning = wouldViolate(policy.warn, warned.detailedMessage)
    }
  }

  // The Pods a controller creates are Pod requests of their own: enforce applies to them.
  const enforcedOnPods = isPod ? undefined : evaluatePod(policy.enforce)
  const podsRejected =
    enforcedOnPods && !enforcedOnPods.allowed
      ? controllerEvent(subject.kind, subject.name, policy.enforce, enforcedOnPods.detailedMessage)
      : undefined

  const notes: string[] = []
  const kubectl: string[] = []
  if (warning !== undefined) {
    // kubectl de-duplicates warnings over the whole command (client-go WarningWriterOptions.Deduplicate).
    if (run.printedWarnings.has(warning)) {
      notes.push(
        'kubectl prints each distinct warning once per command; an earlier object already printed this one.',
      )
    } else {
      kubectl.push(warningLine(warning))
      run.printedWarnings.add(warning)
    }
  }
  kubectl.push(
    forbidden === undefined
      ? createdLine(subject.kind, subject.name)
      : serverError('Forbidden', forbidden),
  )
  notes.push(...placementNotes(subject, resolved))

  return {
    namespace: resolved.name,
    namespaceFromContext: subject.namespace === undefined || subject.namespace === '',
    policySource: resolved.source,
    policy,
    outcome:
      forbidden !== undefined
        ? 'rejected'
        : podsRejected !== undefined
          ? 'admitted-pods-rejected'
          : warning !== undefined
            ? 'warned'
            : 'admitted',
    kubectl,
    ...(forbidden !== undefined ? { forbidden } : {}),
    ...(warning !== undefined ? { warning } : {}),
    auditAnnotations,
    ...(podsRejected !== undefined ? { podsRejected } : {}),
    notes,
  }
}

function placementNotes(subject: AdmissionSubject, resolved: ResolvedPolicy): string[] {
  const notes: string[] = []
  const document = resolved.document
  if (document !== undefined && document.range[0] >= subject.range[0]) {
    notes.push(
      `The Namespace ${goQuote(resolved.name)} comes after this object. kubectl applies objects in order, so where that namespace does not exist yet this create fails: ${`Error from server (NotFound): error when creating "STDIN": namespaces ${goQuote(resolved.name)} not found`}`,
    )
  }
  if (SYSTEM_NAMESPACES.has(resolved.name)) {
    notes.push(
      `Many clusters exempt ${resolved.name} from Pod Security in the API server's admission configuration (exemptions.namespaces). Exemptions are not visible here; this assumes none.`,
    )
  }
  const spec = subject.pod.spec
  const runtimeClass =
    typeof spec === 'object' && spec !== null && !Array.isArray(spec)
      ? (spec as Record<string, unknown>).runtimeClassName
      : undefined
  if (typeof runtimeClass === 'string' && runtimeClass !== '') {
    notes.push(
      `Runtime class ${goQuote(runtimeClass)} may be exempt from Pod Security in the API server's admission configuration (exemptions.runtimeClasses). Exemptions are not visible here; this assumes none.`,
    )
  }
  return notes
}

function summarise(
  evaluated: readonly { admission: WorkloadAdmission; allows: Allows }[],
  documents: readonly NamespaceDocument[],
  assumedLabels: NamespaceLabels,
): AdmissionSummary {
  const admissions = evaluated.map((e) => e.admission)
  const names: string[] = []
  for (const name of [...documents.map((d) => d.name), ...admissions.map((a) => a.namespace)]) {
    if (!names.includes(name)) names.push(name)
  }
  // kubectl's error layout depends on whether the command fails once or several times.
  const invalidDocuments = documents.filter(
    (d) => policyToEvaluate(d.labels).errors.length > 0,
  ).length
  const errorCount = invalidDocuments + admissions.filter((a) => a.outcome === 'rejected').length

  const namespaces = names.map((name): NamespaceAdmission => {
    const named = documents.filter((d) => d.name === name)
    const document = named.at(-1)
    const labels = document ? document.labels : assumedLabels
    const { policy, errors } = policyToEvaluate(labels)
    const members = evaluated.filter((e) => e.admission.namespace === name)
    const inNamespace = members.map((e) => e.admission)
    const notes: string[] = []
    if (errors.length > 0) {
      notes.push(
        'The API server refuses to create or relabel a Namespace with invalid Pod Security labels. The policy shown is what admission evaluates where the namespace already carries them (labelled before Pod Security admission was enabled): an invalid enforce level counts as restricted, an invalid audit or warn level as privileged, an invalid version as latest.',
      )
    }
    if (document && document.nonStringLabels.length > 0) {
      notes.push(
        `Label values must be strings: the API server cannot decode ${document.nonStringLabels.join(', ')}. Quote the value.`,
      )
    }
    if (named.length > 1) {
      notes.push(
        `This Namespace is written ${named.length} times; each object is created under the labels of the last one before it.`,
      )
    }
    return {
      name,
      source: document ? 'document' : 'assumption',
      ...(document ? { range: document.range } : {}),
      labels,
      policy,
      labelErrors: errors,
      kubectl: document
        ? errors.length > 0
          ? namespaceInvalidLines(name, errors, errorCount === 1)
          : [createdLine('Namespace', name)]
        : [],
      workloads: inNamespace.length,
      stops: {
        enforce: inNamespace.filter(
          (a) => a.outcome === 'rejected' || a.outcome === 'admitted-pods-rejected',
        ).length,
        warn: inNamespace.filter((a) => a.warning !== undefined).length,
        audit: inNamespace.filter((a) => a.auditAnnotations[AUDIT_VIOLATIONS] !== undefined).length,
      },
      suggestion: suggestEnforce(
        members.map((e) => e.allows),
        name,
      ),
      notes,
    }
  })
  return { namespaces, suggestion: suggestEnforce(evaluated.map((e) => e.allows)) }
}
