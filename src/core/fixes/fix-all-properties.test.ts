// Properties of fixAll over the upstream Pod Security fail fixtures (at their level and version),
// the real-world corpus and the bundled examples: the level is reached or every finding left is
// reported; the text still parses; comments and non-workload documents are untouched; the API
// server refuses nothing new; the kubelet's runAsNonRoot check passes whatever the image's USER
// once a UID is chosen; a second run changes nothing.
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import type { Analysis, AnalysisOptions, PolicyVersion } from '../types.ts'
import { activeChecks, runsAtLevel } from '../pss/registry.ts'
import { rulesMinor } from '../pss/version.ts'
import { parseDocuments } from '../yaml/parse-documents.ts'
import { defaultFixDecisions, fixAll } from './fix-all.ts'
import type { FixDecisions, FixLevel } from './fix-all-types.ts'
import { commentRanges } from './yaml-edits.ts'

// Versions where the rules fixAll's choices depend on change: annotation seccomp (v1.0), the
// Windows skip (v1.25, after seccomp fields and restricted capabilities), user-namespace
// relaxations (v1.35), the newest (v1.37). fix-properties.test.ts covers every revision one fix
// at a time.
const FIXTURES = import.meta.glob<string>('../pss/testdata/*/v1.{0,25,35,37}/fail/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const CORPUS = import.meta.glob<string>(
  ['../testdata/corpus/*.yaml', '../../../public/examples/*.yaml'],
  { query: '?raw', import: 'default', eager: true },
)
const FIXTURE_PATH = /\/testdata\/(baseline|restricted)\/(v1\.\d+)\/fail\/[^/]+\.yaml$/

/** Image USERs the kubelet refuses under runAsNonRoot unless a runAsUser is set. */
// The kubelet is strictest with root and with a name; with a runAsUser set it ignores the image.
const IMAGE_USERS: AnalysisOptions['imageUser'][] = [0, 'app']

function commentTexts(source: string): string[] {
  return commentRanges(source).map(([start, end]) => source.slice(start, end))
}

function yamlErrors(analysis: Analysis): string[] {
  return analysis.diagnostics
    .filter((d) => d.source === 'yaml' && d.severity === 'error')
    .map((d) => d.message)
}

function apiErrors(analysis: Analysis): string[] {
  return analysis.diagnostics
    .filter((d) => d.source === 'api-server' && d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`)
}

/** The text of every document that holds no workload. */
function otherDocuments(source: string, analysis: Analysis): string[] {
  const workloadDocuments = new Set(analysis.workloads.map((w) => w.document))
  return parseDocuments(source)
    .documents.filter((d) => !workloadDocuments.has(d.index))
    .map((d) => source.slice(d.range[0], d.range[1]))
}

const LEVEL_ORDER = { privileged: 0, baseline: 1, restricted: 2 } as const

/** Problems of one fixAll run; `windows` pods are out of the kubelet property (no runAsUser). */
function problemsOf(
  source: string,
  level: FixLevel,
  options: Partial<AnalysisOptions>,
  decisions: FixDecisions,
): { problems: string[]; unfixed: string[] } {
  const problems: string[] = []
  const before = analyze(source, options)
  const result = fixAll(source, level, options, decisions)
  const after = analyze(result.text, options)
  problems.push(...yamlErrors(after).map((m) => `does not parse: ${m}`))
  if (after.workloads.length !== before.workloads.length) problems.push('workloads changed')
  if (commentTexts(result.text).join('\n') !== commentTexts(source).join('\n')) {
    problems.push('comments changed')
  }
  if (
    otherDocuments(result.text, after).join('\n---\n') !==
    otherDocuments(source, before).join('\n---\n')
  ) {
    problems.push('a non-workload document changed')
  }
  const known = new Set(apiErrors(before))
  problems.push(
    ...apiErrors(after)
      .filter((e) => !known.has(e))
      .map((e) => `new API error: ${e}`),
  )
  after.workloads.forEach((workload, index) => {
    if (LEVEL_ORDER[workload.podSecurity.level] >= LEVEL_ORDER[level]) return
    const reported = new Set(
      result.unfixed.find((u) => u.workload === index)?.findings.map((f) => f.code),
    )
    const atLevel = new Set(
      activeChecks(rulesMinor(workload.podSecurity.rulesVersion))
        .filter((check) => runsAtLevel(check, level))
        .map((check) => check.id),
    )
    const unreported = workload.podSecurity.checks.filter(
      (c) => !c.allowed && atLevel.has(c.id) && !reported.has(c.id),
    )
    if (unreported.length > 0) {
      problems.push(`not reported: ${unreported.map((c) => c.id).join(', ')}`)
    }
  })
  if (decisions.runAsUser !== undefined && !/name: windows/.test(source)) {
    for (const imageUser of IMAGE_USERS) {
      const refused = analyze(result.text, { ...options, imageUser }).diagnostics.filter(
        (d) => d.source === 'kubelet' && d.code.startsWith('run-as-non-root'),
      )
      problems.push(
        ...refused.map((d) => `kubelet (image USER ${String(imageUser)}): ${d.message}`),
      )
    }
  }
  const again = fixAll(result.text, level, options, decisions)
  if (again.text !== result.text || again.applied.length > 0) {
    problems.push(`not idempotent: ${again.applied.map((a) => a.title).join('; ')}`)
  }
  return { problems, unfixed: result.unfixed.flatMap((u) => u.findings.map((f) => f.code)) }
}

/** Checks no fix can settle without a person, whatever the decisions (see fix-all-unfixed.ts). */
const NEEDS_A_PERSON = new Set(['hostPathVolumes', 'restrictedVolumes', 'seccompProfile_baseline'])

describe('fixAll on the upstream Pod Security fail fixtures', () => {
  const byVersion = new Map<string, [string, string][]>()
  for (const entry of Object.entries(FIXTURES)) {
    const version = FIXTURE_PATH.exec(entry[0])?.[2] ?? ''
    byVersion.set(version, [...(byVersion.get(version) ?? []), entry])
  }
  // Without decisions fewer fixes run; the newest version covers that path.
  const runs = [...byVersion.keys()].flatMap((version) => [
    ...(version === 'v1.37' ? [[version, 'no decisions', {}] as const] : []),
    [version, 'the default decisions', defaultFixDecisions()] as const,
  ])

  it.each(runs)(
    '%s with %s: reaches the level or reports what is left, and keeps the pod valid',
    (_version, label, decisions) => {
      const problems: string[] = []
      const left = new Set<string>()
      for (const [file, text] of byVersion.get(_version) ?? []) {
        const [, level, version] = FIXTURE_PATH.exec(file) ?? []
        const options = { kubernetesVersion: version as PolicyVersion }
        const result = problemsOf(text, level as FixLevel, options, decisions)
        problems.push(...result.problems.map((p) => `${file}: ${p}`))
        for (const code of result.unfixed) left.add(code)
      }
      expect(problems).toEqual([])
      // With the default decisions, only what no decision covers is left.
      if (label === 'the default decisions') {
        expect([...left].filter((code) => !NEEDS_A_PERSON.has(code))).toEqual([])
      }
    },
    120_000,
  )
})

describe('fixAll on the real-world corpus and the examples', () => {
  it.each(Object.keys(CORPUS))(
    '%s',
    (file) => {
      const text = CORPUS[file] ?? ''
      expect(problemsOf(text, 'baseline', {}, {}).problems).toEqual([])
      expect(problemsOf(text, 'restricted', {}, defaultFixDecisions()).problems).toEqual([])
    },
    60_000,
  )
})
