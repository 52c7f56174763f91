import type { CheckId, Range, WorkloadKind } from '../types.ts'

/** The levels `fixAll` can bring a workload to. */
export type FixLevel = 'baseline' | 'restricted'

/**
 * What only the person applying the fixes can decide. A decision left out is not taken: what
 * needs it is reported in `unfixed` instead. `defaultFixDecisions` gives sensible values.
 */
export interface FixDecisions {
  /**
   * The UID written as `runAsUser` where a container would otherwise run as root or as whatever
   * the image's USER says: where runAsNonRoot is (or is made) true without a runAsUser, and in
   * place of `runAsUser: 0`. With a UID set, the kubelet starts the container whatever the image.
   */
  runAsUser?: number
  /**
   * A Localhost seccomp profile (a path relative to the kubelet's seccomp directory) written
   * instead of `RuntimeDefault` wherever a fix sets a profile.
   */
  seccompLocalhostProfile?: string
  /**
   * Whether containers that listen on a port below 1024 get `NET_BIND_SERVICE` back in
   * `capabilities.add` once a fix drops `ALL` (restricted allows that one capability).
   */
  netBindService?: boolean
  /**
   * Whether host namespaces and host ports of node agents (DaemonSets) are removed too. A node
   * agent usually needs them, so by default they are left and reported.
   */
  removeNodeAgentHostAccess?: boolean
}

/** Where `fixAll` works: every workload, or the one with this index in the analysis. */
export interface FixScope {
  workload?: number
}

/** One change `fixAll` made. */
export interface AppliedFix {
  /** Index of the workload in the analysis of the source. */
  workload: number
  /** The check the change fixes, when it is a check's fix. */
  check?: CheckId
  /** The decision the change carries out, when it is one. */
  decision?: keyof FixDecisions
  title: string
}

/** A finding `fixAll` left for a person, with why and what they can do. */
export interface UnfixedFinding {
  /** The failing check, or `kubelet-runAsNonRoot` for a container the kubelet may refuse. */
  code: CheckId | 'kubelet-runAsNonRoot'
  /** Why it needs a person. */
  reason: string
  /** What they can do about it. */
  choices: string[]
  /** The decision that would let `fixAll` fix it, when there is one. */
  decision?: keyof FixDecisions
  /** Where it is, in the returned text. */
  ranges: Range[]
}

export interface UnfixedWorkload {
  workload: number
  kind: WorkloadKind
  name: string
  findings: UnfixedFinding[]
}

export interface FixAllResult {
  /** The source with every change made (the source itself when nothing changed). */
  text: string
  applied: AppliedFix[]
  /** Per workload in scope, what still fails at the level or may not start, and why. */
  unfixed: UnfixedWorkload[]
}
