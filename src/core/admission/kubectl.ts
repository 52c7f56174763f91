// The text admission returns and `kubectl apply -f -` prints, in upstream wording.
// Upstream: kubernetes/pod-security-admission admission/admission.go (EvaluatePod) and
// admission/response.go (forbiddenResponse, invalidResponse); apimachinery pkg/api/errors
// (NewForbidden, NewInvalid); client-go rest/warnings.go (warningWriter.HandleWarningHeader);
// kubectl pkg/cmd/util/helpers.go (AddSourceToErr, StandardErrorMessage, checkErr);
// kubernetes pkg/controller/controller_utils.go (RealPodControl.createPods) and
// pkg/controller/statefulset/stateful_pod_control.go (recordPodEvent).
import { goQuote } from '../util/go-format.ts'
import type { WorkloadKind } from '../types.ts'
import { formatLevelVersion } from './policy.ts'
import type { ControllerEvent, LabelError, LevelVersion } from './types.ts'

/** `kubectl apply -f -` reads the manifest from standard input, which kubectl names STDIN. */
const SOURCE = 'STDIN'

/**
 * `PodSecurity "restricted:latest": …`, the part every admission message shares; `detail` is the
 * evaluator's `ForbiddenDetail` (`reason (detail), …`).
 */
function podSecurityText(policy: LevelVersion, detail: string): string {
  // EvaluatePod formats the level:version with %q; neither part needs escaping.
  return `PodSecurity "${formatLevelVersion(policy)}": ${detail}`
}

/** The enforce decision's own text, before the API server wraps it: `violates PodSecurity "…": …`. */
export function violates(policy: LevelVersion, detail: string): string {
  return `violates ${podSecurityText(policy, detail)}`
}

/** The warning (and audit annotation) text: `would violate PodSecurity "…": …`. */
export function wouldViolate(policy: LevelVersion, detail: string): string {
  return `would violate ${podSecurityText(policy, detail)}`
}

/**
 * The enforce error as the API server words it: `NewForbidden(pods, name, err)` prefixes
 * `pods "name" is forbidden: ` (just `pods is forbidden: ` for an empty name).
 */
export function podForbidden(podName: string, policy: LevelVersion, detail: string): string {
  const pods = podName === '' ? 'pods' : `pods ${goQuote(podName)}`
  return `${pods} is forbidden: ${violates(policy, detail)}`
}

/** kubectl's line for an API error on create: reason in brackets, then where the object came from. */
export function serverError(reason: 'Forbidden' | 'Invalid', message: string): string {
  return `Error from server (${reason}): error when creating "${SOURCE}": ${message}`
}

/** kubectl prints each warning header as `Warning: <text>`. */
export function warningLine(message: string): string {
  return `Warning: ${message}`
}

/** The resource as kubectl's name printer writes it: lower-case `kind.group`. */
const PRINTED_RESOURCE: Record<WorkloadKind | 'Namespace', string> = {
  Pod: 'pod',
  PodTemplate: 'podtemplate',
  ReplicationController: 'replicationcontroller',
  Namespace: 'namespace',
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  DaemonSet: 'daemonset.apps',
  ReplicaSet: 'replicaset.apps',
  Job: 'job.batch',
  CronJob: 'cronjob.batch',
}

/** `deployment.apps/web created`: an object created on a first apply. */
export function createdLine(kind: WorkloadKind | 'Namespace', name: string): string {
  return `${PRINTED_RESOURCE[kind]}/${name} created`
}

/**
 * kubectl's text for a Namespace refused for invalid labels. `NewInvalid` aggregates the field
 * errors (`[a, b]` when several). When this is the command's only error kubectl's `checkErr`
 * prints the causes itself (`The Namespace "x" is invalid: …`, one `* cause` line each when
 * several); among several errors each is printed by `StandardErrorMessage`.
 */
export function namespaceInvalidLines(
  name: string,
  errors: readonly LabelError[],
  onlyError: boolean,
): string[] {
  const causes = errors.map((e) => e.message)
  if (onlyError) {
    const prefix = `The Namespace ${goQuote(name)} is invalid: `
    return causes.length === 1 ? [prefix + causes[0]] : [prefix, ...causes.map((c) => `* ${c}`)]
  }
  const aggregate = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`
  return [serverError('Invalid', `Namespace ${goQuote(name)} is invalid: ${aggregate}`)]
}

/** Upstream apimachinery `Aggregate.Error()` of the label errors, for the audit `error` annotation. */
export function aggregateLabelErrors(errors: readonly LabelError[]): string {
  const messages = errors.map((e) => e.message)
  return messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`
}

/**
 * How a controller reports a Pod the API server refused. The replica, daemon, job and
 * replication controllers record `Error creating: <err>` (reason FailedCreate) on the object
 * that creates the Pod; the StatefulSet controller words it its own way. Generated name parts
 * that only the cluster knows are written as `<hash>`, `<random>` and `<time>`.
 */
export function controllerEvent(
  kind: WorkloadKind,
  name: string,
  policy: LevelVersion,
  detail: string,
): ControllerEvent | undefined {
  const event = (involvedObject: string, source: string, podName: string): ControllerEvent => ({
    type: 'Warning',
    reason: 'FailedCreate',
    involvedObject,
    source,
    message: `Error creating: ${podForbidden(podName, policy, detail)}`,
  })
  switch (kind) {
    case 'Deployment':
      // The Deployment creates a ReplicaSet `<name>-<pod-template-hash>`, which creates the Pods.
      return event(`ReplicaSet ${name}-<hash>`, 'replicaset-controller', `${name}-<hash>-<random>`)
    case 'ReplicaSet':
      return event(`ReplicaSet ${name}`, 'replicaset-controller', `${name}-<random>`)
    case 'ReplicationController':
      return event(`ReplicationController ${name}`, 'replication-controller', `${name}-<random>`)
    case 'DaemonSet':
      return event(`DaemonSet ${name}`, 'daemonset-controller', `${name}-<random>`)
    case 'Job':
      return event(`Job ${name}`, 'job-controller', `${name}-<random>`)
    case 'CronJob':
      // Each run is a Job `<name>-<scheduled time in minutes>`, which creates the Pods.
      return event(`Job ${name}-<time>`, 'job-controller', `${name}-<time>-<random>`)
    case 'StatefulSet': {
      const pod = `${name}-0`
      return {
        type: 'Warning',
        reason: 'FailedCreate',
        involvedObject: `StatefulSet ${name}`,
        source: 'statefulset-controller',
        message: `create Pod ${pod} in StatefulSet ${name} failed error: ${podForbidden(pod, policy, detail)}`,
      }
    }
    case 'Pod':
    case 'PodTemplate':
      // A Pod is refused directly; a PodTemplate creates no Pods by itself.
      return undefined
  }
}
