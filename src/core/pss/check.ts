import type { Path, TextEdit } from '../types.ts'
import type { PodView } from '../workloads/pod-view.ts'
import type { DocumentEditor } from '../yaml/edits/operations.ts'

/** The outcome of one check on one pod (upstream `policy/checks.go` `CheckResult`, plus paths). */
export type CheckOutcome =
  | { allowed: true }
  | {
      allowed: false
      /** Upstream `ForbiddenReason`. */
      reason: string
      /** Upstream `ForbiddenDetail`. */
      detail: string
      /** The offending fields, relative to the pod template root. */
      paths: Path[]
      /** Where popular scanners disagree with admission about this failure. */
      scannerNote?: string
    }

/** A check that fails, with the outcome it returned (reason, detail and offending paths). */
export type FailedOutcome = Extract<CheckOutcome, { allowed: false }>

export type CheckFn = (pod: PodView) => CheckOutcome

/** What a fix generator works from: one failing check of one pod template. */
export interface CheckFixInput {
  /** Edits of the document the pod template is in. */
  edit: DocumentEditor
  /** Path of the pod template in its document; check paths are relative to it. */
  base: Path
  view: PodView
  /** The failing outcome of the check, as evaluation returned it. */
  outcome: FailedOutcome
  /** The rules minor version evaluated. */
  minor: number
}

/** A fix before it gets its id: a title and its edits (undefined when one cannot be made). */
export interface FixDraft {
  title: string
  parts: (readonly TextEdit[] | undefined)[]
}

/** The teaching facts of a check, for people reading a finding (see check-info.ts). */
export interface CheckInfoFacts {
  /** The control's name as the Pod Security Standards page writes it, e.g. `Privileged Containers`. */
  control: string
  /** One plain sentence: what the control protects, or what a violation gives an attacker. */
  why: string
  /** One short sentence: what to write in the manifest to pass. */
  fix: string
  /** A kubernetes.io page (or Pod Security Standards anchor) that explains the control. */
  docs: string
}

/** One revision of a check, in force from `minMinor` until the next revision's minimum. */
export interface CheckRevision {
  minMinor: number
  run: CheckFn
  /** Baseline checks this restricted revision replaces in the restricted level (their ids). */
  overrides?: readonly string[]
}

/**
 * A check as its module declares it, as upstream's `check_<name>.go` registers itself: its id,
 * level and revisions in strictly increasing `minMinor` order (upstream `Check`), the facts a
 * reader needs, and the fix that makes it pass when one can be written without guessing intent.
 * The registry collects the modules; `CheckId` derives from them.
 */
export interface CheckDefinition<Id extends string = string> {
  id: Id
  level: 'baseline' | 'restricted'
  revisions: readonly CheckRevision[]
  info: CheckInfoFacts
  fix?: (input: CheckFixInput) => FixDraft | undefined
}

/** Declares a check, keeping its id as a literal type so `CheckId` can derive from the registry. */
export function defineCheck<const Id extends string>(
  check: CheckDefinition<Id>,
): CheckDefinition<Id> {
  return check
}

export const ALLOWED: CheckOutcome = { allowed: true }

/** A failed outcome; `paths` lists the offending fields. */
export function forbidden(
  reason: string,
  detail: string,
  paths: Path[],
  scannerNote?: string,
): CheckOutcome {
  return scannerNote === undefined
    ? { allowed: false, reason, detail, paths }
    : { allowed: false, reason, detail, paths, scannerNote }
}
