// What the "Fix all" preview shows besides the diff: the level the fixed text reaches, and which
// decisions change anything for this text. Both cost whole `fixAll` runs, so the app asks for
// them in the analysis worker, only when the preview is open.
import { analyze } from '../analyze.ts'
import { DEFAULT_NON_ROOT_UID } from '../pss/checks/run-as-non-root.ts'
import { lowestLevel } from '../pss/levels.ts'
import type { AnalysisOptions, PssLevel } from '../types.ts'
import { fixAll } from './fix-all.ts'
import type { FixAllResult, FixDecisions, FixLevel, FixScope } from './fix-all-types.ts'

export interface FixAllPreview {
  result: FixAllResult
  /** The least strict level among the workloads in scope, once `result.text` is applied. */
  levelAfter: PssLevel
}

/** `fixAll`, and the level its text reaches in scope. Never throws. */
export function previewFixAll(
  source: string,
  level: FixLevel,
  options: Partial<AnalysisOptions>,
  decisions: FixDecisions,
  scope: FixScope = {},
): FixAllPreview {
  const result = fixAll(source, level, options, decisions, scope)
  const workloads = analyze(result.text, options).workloads
  const inScope =
    scope.workload === undefined ? workloads : workloads.slice(scope.workload, scope.workload + 1)
  return { result, levelAfter: lowestLevel(inScope.map((w) => w.podSecurity.level)) }
}

/**
 * The decisions that change something for this text: those a run with every decision taken
 * uses, and those a finding left for a person asks for. Never throws.
 */
export function relevantFixDecisions(
  source: string,
  level: FixLevel,
  options: Partial<AnalysisOptions>,
  scope: FixScope = {},
): (keyof FixDecisions)[] {
  const everything: Required<FixDecisions> = {
    runAsUser: DEFAULT_NON_ROOT_UID,
    seccompLocalhostProfile: 'profile.json',
    netBindService: true,
    removeNodeAgentHostAccess: true,
  }
  const used = new Set<keyof FixDecisions>()
  for (const applied of fixAll(source, level, options, everything, scope).applied) {
    if (applied.decision) used.add(applied.decision)
  }
  for (const workload of fixAll(source, level, options, {}, scope).unfixed) {
    for (const finding of workload.findings) if (finding.decision) used.add(finding.decision)
  }
  return [...used]
}
