// Fix all to a level: the per-check fixes the analysis offers, applied round after round (each
// round re-analyses, so every fix is computed against the text it edits) until the level is
// reached or nothing more can be fixed, plus the edits the user's decisions call for.
import { analyze } from '../analyze.ts'
import { resolveOptions } from '../options.ts'
import type { PodView } from '../pss/pod-view.ts'
import { activeChecks, runsAtLevel } from '../pss/registry.ts'
import { rulesMinor } from '../pss/version.ts'
import type { Analysis, AnalysisOptions, CheckId, Fix, TextEdit, Workload } from '../types.ts'
import { DEFAULT_NON_ROOT_UID } from './check-fixes.ts'
import {
  editSites,
  localhostSeccompEdit,
  netBindServiceEdit,
  runAsUserEdit,
} from './fix-all-decisions.ts'
import type { DecisionEdit, EditSite } from './fix-all-decisions.ts'
import type { AppliedFix, FixAllResult, FixDecisions, FixLevel, FixScope } from './fix-all-types.ts'
import { unfixedFindings } from './fix-all-unfixed.ts'
import { applyEdits } from './text-edits.ts'

/** Enough rounds for every check of every workload; each round fixes at least one thing. */
const MAX_ROUNDS = 60

/**
 * The decisions a reviewer would most often take: run as UID 65532 (or the image's own numeric
 * USER when the assumptions name one), keep RuntimeDefault seccomp, add NET_BIND_SERVICE back
 * where a container listens below 1024, leave node agents their host access.
 */
export function defaultFixDecisions(options: Partial<AnalysisOptions> = {}): FixDecisions {
  const { imageUser } = resolveOptions(options)
  const imageUid = typeof imageUser === 'number' && imageUser > 0 ? imageUser : undefined
  return {
    runAsUser: imageUid ?? DEFAULT_NON_ROOT_UID,
    netBindService: true,
    removeNodeAgentHostAccess: false,
  }
}

/**
 * Applies every fix needed for `level` to each workload in `scope` (every workload by default),
 * in an order the API server accepts, and what `decisions` call for. Returns the new text, what
 * was applied, and, per workload, what is left for a person. Only the edited spans change:
 * comments, other documents, line endings, anchors and key order stay as they were. Running it
 * again on its own result changes nothing. Never throws.
 */
export function fixAll(
  source: string,
  level: FixLevel,
  options: Partial<AnalysisOptions> = {},
  decisions: FixDecisions = {},
  scope: FixScope = {},
): FixAllResult {
  try {
    return fixAllUnsafe(source, level, resolveOptions(options), validDecisions(decisions), scope)
  } catch {
    return { text: source, applied: [], unfixed: [] }
  }
}

/** Drops decisions the API server would refuse (a UID out of range, a padded profile name). */
function validDecisions(decisions: FixDecisions): FixDecisions {
  const { runAsUser, seccompLocalhostProfile, ...rest } = decisions
  const uidOk =
    Number.isInteger(runAsUser) && (runAsUser ?? 0) > 0 && (runAsUser ?? 0) <= 2 ** 31 - 1
  const profileOk =
    typeof seccompLocalhostProfile === 'string' && /^\S+$/.test(seccompLocalhostProfile)
  return {
    ...rest,
    ...(uidOk ? { runAsUser } : {}),
    ...(profileOk ? { seccompLocalhostProfile } : {}),
  }
}

function fixAllUnsafe(
  source: string,
  level: FixLevel,
  options: AnalysisOptions,
  decisions: FixDecisions,
  scope: FixScope,
): FixAllResult {
  const minor = rulesMinor(options.kubernetesVersion)
  const atLevel = new Set<CheckId>(
    activeChecks(minor)
      .filter((check) => runsAtLevel(check, level))
      .map((check) => check.id),
  )
  const inScope = (index: number) => scope.workload === undefined || scope.workload === index
  const original = editSites(source).map((site) => site.view)
  const applied: AppliedFix[] = []
  let text = source

  /** Applies one decision to every workload in scope, to a fixed point. */
  const runDecision = (
    decision: keyof FixDecisions,
    make: (site: EditSite, before: PodView | undefined) => DecisionEdit | undefined,
  ) => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const made = editSites(text).flatMap((site) => {
        if (!inScope(site.index)) return []
        const edit = make(site, original[site.index])
        return edit === undefined ? [] : [{ workload: site.index, fix: edit }]
      })
      const batch = disjointBatch(made)
      const next = applyAll(
        text,
        batch.map(({ fix }) => fix),
      )
      if (next === undefined) return
      text = next
      applied.push(...batch.map(({ workload, fix }) => ({ workload, decision, title: fix.title })))
    }
  }

  // A UID first: the runAsNonRoot fix then has nothing to guess.
  const { runAsUser } = decisions
  if (runAsUser !== undefined) {
    runDecision('runAsUser', (site) =>
      runAsUserEdit(site, runAsUser, level === 'restricted' && requiresNonRoot(site.view, minor)),
    )
  }

  let analysed: { text: string; analysis: Analysis } | undefined
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = analyzeWithFixes(text, options)
    analysed = { text, analysis }
    const fixes = analysis.workloads.flatMap((workload, index) =>
      inScope(index) ? chosenFixes(workload, index, atLevel, decisions) : [],
    )
    const batch = disjointBatch(fixes)
    const next = applyAll(
      text,
      batch.map(({ fix }) => fix),
    )
    if (next === undefined) break
    text = next
    applied.push(
      ...batch.map(({ fix, workload, check }) => ({ workload, check, title: fix.title })),
    )
  }

  const profile = decisions.seccompLocalhostProfile
  if (profile !== undefined) {
    runDecision('seccompLocalhostProfile', (site, before) =>
      before === undefined ? undefined : localhostSeccompEdit(before, site, profile),
    )
  }
  if (decisions.netBindService === true && level === 'restricted') {
    runDecision('netBindService', (site, before) =>
      before === undefined ? undefined : netBindServiceEdit(before, site),
    )
  }

  const final = analysed?.text === text ? analysed.analysis : analyze(text, options)
  const unfixed = final.workloads.flatMap((workload, index) => {
    if (!inScope(index)) return []
    const findings = unfixedFindings(workload, atLevel, decisions)
    if (findings.length === 0) return []
    return [{ workload: index, kind: workload.kind, name: workload.name, findings }]
  })
  return { text, applied, unfixed }
}

// Fixes are opt-in for analyze (building them costs time on every keystroke); fixAll needs them.
function analyzeWithFixes(text: string, options: AnalysisOptions): Analysis {
  return analyze(text, options)
}

/** Whether restricted requires runAsNonRoot of this pod (upstream relaxes it for user namespaces). */
function requiresNonRoot(view: PodView, minor: number): boolean {
  return !(view.userNamespace && minor >= 35)
}

interface Candidate {
  workload: number
  check: CheckId
  fix: Fix
}

/**
 * The fixes to apply for `workload` now: those of the checks failing at the level, except those
 * that need a decision not taken. privileged comes first: allowPrivilegeEscalation cannot be
 * false on a privileged container (its fix skips them until privileged is gone).
 */
function chosenFixes(
  workload: Workload,
  index: number,
  atLevel: ReadonlySet<CheckId>,
  decisions: FixDecisions,
): Candidate[] {
  const candidates: Candidate[] = []
  for (const check of workload.podSecurity.checks) {
    if (check.allowed || check.fix === undefined || !atLevel.has(check.id)) continue
    if (needsDecision(workload, check.id, decisions)) continue
    candidates.push({ workload: index, check: check.id, fix: check.fix })
  }
  return candidates.sort(
    (a, b) => Number(b.check === 'privileged') - Number(a.check === 'privileged'),
  )
}

/** A DaemonSet runs on every node: host namespaces and ports are usually why it exists. */
export function isNodeAgent(workload: Workload): boolean {
  return workload.kind === 'DaemonSet'
}

/** Whether applying this check's fix would take a decision the user has not taken. */
export function needsDecision(
  workload: Workload,
  check: CheckId,
  decisions: FixDecisions,
): boolean {
  switch (check) {
    case 'hostNamespaces':
    case 'hostPorts':
      return isNodeAgent(workload) && decisions.removeNodeAgentHostAccess !== true
    case 'runAsNonRoot':
      // Without a UID, runAsNonRoot alone makes the kubelet refuse a root image.
      return decisions.runAsUser === undefined && runsAsUnknownUser(workload)
    default:
      return false
  }
}

/** Some container has no runAsUser (the image decides) or runs as 0. */
export function runsAsUnknownUser(workload: Workload): boolean {
  return workload.containers.some(
    (c) => c.settings.runAsUser.source === 'default' || c.settings.runAsUser.value === 0,
  )
}

/** The changes whose edits neither overlap nor touch, first come first served. */
function disjointBatch<T extends { fix: { edits: TextEdit[] } }>(candidates: readonly T[]): T[] {
  const batch: T[] = []
  const taken: TextEdit[] = []
  for (const candidate of candidates) {
    const clashes = candidate.fix.edits.some((edit) =>
      taken.some((other) => edit.range[0] <= other.range[1] && other.range[0] <= edit.range[1]),
    )
    if (clashes) continue
    batch.push(candidate)
    taken.push(...candidate.fix.edits)
  }
  return batch
}

/** Applies the edits of several changes made against the same text; undefined if they clash. */
function applyAll(text: string, changes: readonly { edits: TextEdit[] }[]): string | undefined {
  if (changes.length === 0) return undefined
  const edits = changes
    .flatMap((change) => change.edits)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  for (let i = 1; i < edits.length; i++) {
    const previous = edits[i - 1]
    const current = edits[i]
    if (previous !== undefined && current !== undefined && current.range[0] < previous.range[1]) {
      return undefined
    }
  }
  return applyEdits(text, edits) ?? undefined
}
