/**
 * Types of the admission simulation: what Pod Security Admission and `kubectl apply` answer for
 * each workload, from the Namespace labels in the same source or from the assumed policy.
 */
import type { PolicyVersion, PssLevel, Range } from '../types.ts'

/** The six namespace labels Pod Security Admission reads (upstream `api/constants.go`). */
export type PodSecurityLabel =
  | 'pod-security.kubernetes.io/enforce'
  | 'pod-security.kubernetes.io/enforce-version'
  | 'pod-security.kubernetes.io/audit'
  | 'pod-security.kubernetes.io/audit-version'
  | 'pod-security.kubernetes.io/warn'
  | 'pod-security.kubernetes.io/warn-version'

/** Pod Security labels of a namespace, as written (absent labels are absent keys). */
export type NamespaceLabels = Partial<Record<PodSecurityLabel, string>>

export type PolicyMode = 'enforce' | 'audit' | 'warn'

/** A level at a version, printed `level:version` (upstream `api.LevelVersion`). */
export interface LevelVersion {
  level: PssLevel
  version: PolicyVersion
}

/** The policy admission evaluates for one namespace (upstream `api.Policy`). */
export type NamespacePolicy = Record<PolicyMode, LevelVersion>

/** A namespace label admission cannot parse (upstream `field.Invalid` from `PolicyToEvaluate`). */
export interface LabelError {
  label: PodSecurityLabel
  value: string
  /** The field error as the API server prints it: `metadata.labels[…]: Invalid value: "x": …`. */
  message: string
}

/**
 * What admission does with a workload: a Pod is `rejected` when it violates enforce; a controller
 * is never rejected, but when enforce would reject the Pods it creates it is
 * `admitted-pods-rejected`; otherwise `warned` when it violates warn, else `admitted`.
 */
export type AdmissionOutcome = 'admitted' | 'warned' | 'rejected' | 'admitted-pods-rejected'

/** The event a controller records when the API server refuses a Pod it creates. */
export interface ControllerEvent {
  type: 'Warning'
  reason: 'FailedCreate'
  /** The object the event is recorded on, `Kind name` (e.g. `ReplicaSet web-<hash>`). */
  involvedObject: string
  /** The component that records it, as `kubectl describe` shows under From. */
  source: string
  message: string
}

export interface WorkloadAdmission {
  /** The namespace the object is created in. */
  namespace: string
  /** True when the manifest names no namespace, so kubectl uses its context's (assumed `default`). */
  namespaceFromContext: boolean
  /** Where the policy comes from: a Namespace document in the source, or the assumed labels. */
  policySource: 'document' | 'assumption'
  policy: NamespacePolicy
  outcome: AdmissionOutcome
  /** Exactly what `kubectl apply -f -` prints for this object, line by line. */
  kubectl: string[]
  /** The enforce error text, when the object (a Pod) is rejected. */
  forbidden?: string
  /** The warning admission returns, when warn is violated (printed by kubectl as `Warning: …`). */
  warning?: string
  /** Annotations admission adds to the request's audit event (not to the object). */
  auditAnnotations: Record<string, string>
  /** For a controller whose Pods enforce rejects: how each failed Pod create is reported. */
  podsRejected?: ControllerEvent
  /** Caveats: exemptions, ordering, repeated warnings. */
  notes: string[]
}

/** The strictest enforce label setting that still admits every workload in question. */
export interface EnforceSuggestion {
  level: PssLevel
  version: PolicyVersion
  /** The labels to set, as YAML lines under `metadata.labels`. */
  yaml: string
  /** For a namespace: the `kubectl label` command that sets them. */
  command?: string
}

/** One namespace the source's workloads are created in, with its policy and what it stops. */
export interface NamespaceAdmission {
  name: string
  /** A Namespace document in the source, or the assumed labels (no such document). */
  source: 'document' | 'assumption'
  /** Range of the Namespace object, when it is in the source. */
  range?: Range
  /** The Pod Security labels as written (or assumed). */
  labels: NamespaceLabels
  policy: NamespacePolicy
  labelErrors: LabelError[]
  /** What `kubectl apply` prints for the Namespace itself (empty when not in the source). */
  kubectl: string[]
  /** Workloads created in this namespace. */
  workloads: number
  /** How many of them each mode acts on: enforce rejects, warn warns, audit annotates. */
  stops: Record<PolicyMode, number>
  suggestion: EnforceSuggestion
  notes: string[]
}

export interface AdmissionSummary {
  namespaces: NamespaceAdmission[]
  /** One enforce setting that admits every workload of the source. */
  suggestion: EnforceSuggestion
}
