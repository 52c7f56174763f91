/**
 * Checks goal conditions against what the core computes for a manifest: capability lines,
 * NoNewPrivs, the effective UID and settings, Pod Security levels per version, and the errors
 * the API server or the kubelet would raise. Nothing here is a hard-coded answer: every fact
 * comes from `analyze`. Never throws.
 */
import { analyze } from '../analyze.ts'
import { meetsLevel } from '../pss/levels.ts'
import type {
  Analysis,
  AnalysisOptions,
  ContainerAnalysis,
  PolicyVersion,
  Workload,
} from '../types.ts'
import type { ContainerTarget, GoalCondition } from './goal-conditions.ts'

export interface GoalResult {
  condition: GoalCondition
  met: boolean
  /** What is true now, in a few words (e.g. `web: CapEff 00000000a80425fb`). */
  actual: string
}

/** Diagnostic sources whose errors stop a pod before its containers run. */
const BLOCKING_SOURCES = new Set(['yaml', 'schema', 'api-server', 'kubelet', 'runtime'])

interface Judged {
  met: boolean
  actual: string
}

function containersOf(analysis: Analysis, target: ContainerTarget): ContainerAnalysis[] {
  const all = analysis.workloads.flatMap((w) => w.containers)
  return target === null ? all : all.filter((c) => c.name === target)
}

/** Applies `test` to each targeted container; met when every one passes (and there is one). */
function perContainer(
  analysis: Analysis,
  target: ContainerTarget,
  test: (c: ContainerAnalysis) => { ok: boolean; value: string },
): Judged {
  const containers = containersOf(analysis, target)
  if (containers.length === 0) {
    return {
      met: false,
      actual: target === null ? 'no container found' : `no container named ${target}`,
    }
  }
  const results = containers.map((c) => ({ name: c.name, ...test(c) }))
  return {
    met: results.every((r) => r.ok),
    actual: results.map((r) => `${r.name}: ${r.value}`).join('; '),
  }
}

function perWorkload(
  workloads: readonly Workload[],
  test: (w: Workload) => { ok: boolean; value: string },
): Judged {
  if (workloads.length === 0) return { met: false, actual: 'no workload found' }
  const results = workloads.map((w) => ({ label: `${w.kind} ${w.name}`, ...test(w) }))
  return {
    met: results.every((r) => r.ok),
    actual: results.map((r) => `${r.label}: ${r.value}`).join('; '),
  }
}

function judge(condition: GoalCondition, analysisAt: (v?: PolicyVersion) => Analysis): Judged {
  const analysis = analysisAt()
  switch (condition.kind) {
    case 'cap-set':
      return perContainer(analysis, condition.container, (c) => ({
        ok: c.capabilities[condition.set] === condition.equals,
        value: `${condition.set} ${c.capabilities[condition.set]}`,
      }))
    case 'non-root-uid':
      return perContainer(analysis, condition.container, (c) => {
        const uid = c.capabilities.uid
        return {
          ok: uid !== null && uid !== 0,
          value: uid === null ? 'UID unknown' : `UID ${uid}`,
        }
      })
    case 'no-new-privs':
      return perContainer(analysis, condition.container, (c) => ({
        ok: c.capabilities.noNewPrivs === condition.equals,
        value: `NoNewPrivs ${c.capabilities.noNewPrivs}`,
      }))
    case 'read-only-root-filesystem':
      return perContainer(analysis, condition.container, (c) => {
        const readOnly = c.settings.readOnlyRootFilesystem.value === true
        return { ok: readOnly, value: readOnly ? 'read-only' : 'writable' }
      })
    case 'seccomp-filter':
      return perContainer(analysis, condition.container, (c) => {
        const profile = c.settings.seccompProfile.value
        const type =
          typeof profile === 'object' && profile !== null && !Array.isArray(profile)
            ? profile.type
            : undefined
        const filtered = type === 'RuntimeDefault' || type === 'Localhost'
        return { ok: filtered, value: `seccomp ${typeof type === 'string' ? type : 'unset'}` }
      })
    case 'resource-set':
      return perContainer(analysis, condition.container, (c) => {
        const amount = c.resources[condition.bound][condition.resource]
        const what = `${condition.resource} ${condition.bound === 'limits' ? 'limit' : 'request'}`
        return { ok: amount !== undefined, value: amount ? `${what} ${amount}` : `no ${what}` }
      })
    case 'pod-security':
      return perWorkload(analysisAt(condition.version).workloads, (w) => ({
        ok: meetsLevel(w.podSecurity.level, condition.level),
        value: `${w.podSecurity.level} at ${condition.version}`,
      }))
    case 'check-passes':
      return perWorkload(analysisAt(condition.version).workloads, (w) => {
        const check = w.podSecurity.checks.find((c) => c.id === condition.check)
        // A check that does not exist yet at this version cannot fail there.
        if (!check || check.allowed) return { ok: true, value: 'passes' }
        return { ok: false, value: `${check.reason}${check.detail ? ` (${check.detail})` : ''}` }
      })
    case 'kubelet-starts': {
      if (analysis.workloads.length === 0) return { met: false, actual: 'no workload found' }
      const blocking = analysis.diagnostics.find(
        (d) => d.severity === 'error' && BLOCKING_SOURCES.has(d.source),
      )
      if (blocking) return { met: false, actual: blocking.message }
      const fatal = analysis.workloads
        .flatMap((w) => w.containers)
        .flatMap((c) => c.capabilities.warnings)
        .find((w) => w.severity === 'error')
      if (fatal) return { met: false, actual: fatal.message }
      return { met: true, actual: 'no error from the API server or the kubelet' }
    }
  }
}

/** A manifest's analysis under the given assumptions, and how it stands against each goal. */
export interface GoalCheck {
  analysis: Analysis
  results: GoalResult[]
}

/**
 * Evaluates each condition on `source` under `options`. Pod Security conditions name their own
 * policy version; the manifest is analysed once per version asked for.
 */
export function evaluateGoals(
  source: string,
  options: Partial<AnalysisOptions> | undefined,
  conditions: readonly GoalCondition[],
): GoalResult[] {
  return checkGoals(source, options, conditions).results
}

/** `evaluateGoals`, with the analysis under `options` itself (what a lesson shows beside it). */
export function checkGoals(
  source: string,
  options: Partial<AnalysisOptions> | undefined,
  conditions: readonly GoalCondition[],
): GoalCheck {
  const cache = new Map<string, Analysis>()
  const analysisAt = (version?: PolicyVersion): Analysis => {
    const key = version ?? ''
    let analysis = cache.get(key)
    if (!analysis) {
      analysis = analyze(source, version ? { ...options, kubernetesVersion: version } : options)
      cache.set(key, analysis)
    }
    return analysis
  }
  const results = conditions.map((condition) => ({ condition, ...judge(condition, analysisAt) }))
  return { analysis: analysisAt(), results }
}
