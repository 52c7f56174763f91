// Properties of every fix the analysis offers: applying a
// fix then re-analysing removes that finding, the text still parses, comments survive, and a fixed
// finding offers no second fix. Run over the upstream Pod Security fail fixtures at their level
// and version, and over the real-world corpus and the bundled examples.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { analyze } from '../analyze.ts'
import type { Analysis, CheckId, Fix, PolicyVersion, TextEdit } from '../types.ts'
import { applyEdits } from '../yaml/edits/text-edits.ts'
import { commentRanges } from '../yaml/edits/context.ts'

// The fixtures of the versions where some check gets a new revision (every `minMinor` in
// pss/checks/*.ts), plus v1.18, the last one with annotation-based seccomp. Every rule revision is
// covered; loading all 38 versions would add about 20 s of module loading for duplicates.
const FIXTURES = import.meta.glob<string>(
  '../pss/testdata/*/v1.{0,8,18,19,22,23,25,27,29,31,32,34,35,37}/fail/*.yaml',
  { query: '?raw', import: 'default', eager: true },
)
const CORPUS = import.meta.glob<string>(
  ['../testdata/corpus/*.yaml', '../../../public/examples/*.yaml'],
  { query: '?raw', import: 'default', eager: true },
)

const FIXTURE_PATH = /\/testdata\/(baseline|restricted)\/(v1\.\d+)\/fail\/([^/]+)\.yaml$/

/** Checks whose fix would need a guess at the user's intent (see check-fixes.ts). */
const NO_FIX: ReadonlySet<CheckId> = new Set(['hostPathVolumes', 'restrictedVolumes', 'runAsUser'])

function commentTexts(source: string): string[] {
  return commentRanges(source).map(([start, end]) => source.slice(start, end))
}

function yamlErrors(analysis: Analysis): string[] {
  return analysis.diagnostics
    .filter((d) => d.source === 'yaml' && d.severity === 'error')
    .map((d) => d.message)
}

/** Problems with the shape of a fix against `source`: order, overlap, comments covered. */
function editProblems(source: string, fix: Fix): string[] {
  const problems: string[] = []
  const comments = commentRanges(source)
  fix.edits.forEach((edit: TextEdit, i) => {
    const previous = fix.edits[i - 1]
    if (previous !== undefined && edit.range[0] < previous.range[1]) {
      problems.push(`${fix.id}: edits overlap or are unsorted`)
    }
    if (comments.some(([start, end]) => start < edit.range[1] && end > edit.range[0])) {
      problems.push(`${fix.id}: an edit covers a comment`)
    }
  })
  if (fix.edits.length === 0) problems.push(`${fix.id}: no edits`)
  return problems
}

interface FixtureResult {
  problems: string[]
  /** The fixture's level passes once every offered fix is applied. */
  fullyFixed: boolean
  /** Failing checks at the fixture's level without a fix, before any fix is applied. */
  unfixed: CheckId[]
  /** Failing checks left once every offered fix is applied. */
  left: CheckId[]
}

function runFixture(file: string, text: string): FixtureResult {
  const match = FIXTURE_PATH.exec(file)
  if (match === null) {
    return { problems: [`bad path ${file}`], fullyFixed: false, unfixed: [], left: [] }
  }
  const level = match[1] as 'baseline' | 'restricted'
  const version = match[2] as PolicyVersion
  const options = { kubernetesVersion: version }
  const problems: string[] = []
  const unfixed: CheckId[] = []
  const levelChecks = (analysis: Analysis) =>
    (analysis.workloads[0]?.podSecurity.checks ?? []).filter(
      (c) => !c.allowed && (level === 'restricted' || c.level === 'baseline'),
    )
  const failing = levelChecks(analyze(text, options, { fixes: true }))
  if (failing.length === 0) problems.push(`${file}: nothing fails`)
  for (const check of failing) {
    if (check.fix === undefined) {
      unfixed.push(check.id)
      continue
    }
    problems.push(...editProblems(text, check.fix).map((p) => `${file}: ${p}`))
    const fixed = applyEdits(text, check.fix.edits)
    if (fixed === null) {
      problems.push(`${file}: ${check.id} edits do not apply`)
      continue
    }
    const after = analyze(fixed, options, { fixes: true })
    problems.push(...yamlErrors(after).map((message) => `${file}: ${check.id}: ${message}`))
    const again = after.workloads[0]?.podSecurity.checks.find((c) => c.id === check.id)
    // allowPrivilegeEscalation cannot be false on a privileged container; that part is left.
    const privilegedLeft = check.id === 'allowPrivilegeEscalation' && /privileged: true/.test(fixed)
    if (again === undefined || (!again.allowed && !privilegedLeft)) {
      problems.push(`${file}: ${check.id} still fails after its fix: ${again?.detail}\n${fixed}`)
    }
    if (again?.fix !== undefined) problems.push(`${file}: ${check.id} offers a second fix`)
    if (commentTexts(fixed).join('\n') !== commentTexts(text).join('\n')) {
      problems.push(`${file}: ${check.id} lost a comment`)
    }
  }
  const final = applyAllFixes(text, options, (a) => levelChecks(a).flatMap((c) => c.fix ?? []))
  const left = levelChecks(analyze(final.text, options, { fixes: true })).map((c) => c.id)
  return { problems, fullyFixed: left.length === 0, unfixed, left }
}

/**
 * Applies fixes until none is offered, re-analysing in between (offsets change). Each round
 * applies one fix per workload where their edits do not touch, else the first alone.
 */
function applyAllFixes(
  text: string,
  options: { kubernetesVersion?: PolicyVersion },
  fixesOf: (analysis: Analysis) => Fix[],
): { text: string; rounds: number; applied: number } {
  let current = text
  let applied = 0
  for (let round = 0; round < 200; round++) {
    const fixes = fixesOf(analyze(current, options, { fixes: true }))
    if (fixes.length === 0) return { text: current, rounds: round, applied }
    const first = fixes[0]
    if (first === undefined) break
    const batch = [first]
    for (const fix of fixes.slice(1)) {
      const combined = [...batch.flatMap((f) => f.edits), ...fix.edits]
      combined.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
      const disjoint = combined.every(
        (edit, i) => i === 0 || edit.range[0] > (combined[i - 1]?.range[1] ?? 0),
      )
      if (disjoint) batch.push(fix)
    }
    const edits = batch.flatMap((f) => f.edits).sort((a, b) => a.range[0] - b.range[0])
    const next = applyEdits(current, edits)
    if (next === null) break
    current = next
    applied += batch.length
  }
  return { text: current, rounds: -1, applied }
}

describe('fixes on the upstream Pod Security fail fixtures', () => {
  const entries = Object.entries(FIXTURES)
  const results = entries.map(([file, text]) => ({ file, ...runFixture(file, text) }))

  it('loads the fail fixtures of both levels at every sampled version', () => {
    const groups = new Set(entries.map(([file]) => FIXTURE_PATH.exec(file)?.slice(1, 3).join('/')))
    expect(groups.size).toBe(2 * 14)
  })

  it('each fix makes its check pass, keeps the text valid and its comments, and is not offered twice', () => {
    expect(results.flatMap((r) => r.problems)).toEqual([])
  })

  it('only the checks that need the user’s intent go without a fix', () => {
    const unexpected = results.flatMap(({ file, unfixed }) =>
      unfixed
        .filter(
          (id) =>
            !NO_FIX.has(id) &&
            // Before v1.19 seccomp is read from annotations: no field to fix.
            !(id === 'seccompProfile_baseline' && /\/v1\.(\d|1[0-8])\//.test(file)) &&
            // Fixed only once the privileged fix has run.
            !(id === 'allowPrivilegeEscalation' && /privileged: true/.test(FIXTURES[file] ?? '')),
        )
        .map((id) => `${file}: ${id}`),
    )
    expect(unexpected).toEqual([])
  })

  it('applying every offered fix leaves only the checks without a fix failing', () => {
    const left = results.flatMap(({ file, left }) =>
      left
        .filter((id) => !NO_FIX.has(id) && id !== 'seccompProfile_baseline')
        .map((id) => `${file}: ${id}`),
    )
    expect(left).toEqual([])
    const fullyFixed = results.filter((r) => r.fullyFixed).length
    const withoutNoFixChecks = results.filter((r) =>
      r.unfixed.every((id) => id === 'allowPrivilegeEscalation'),
    ).length
    expect(fullyFixed).toBe(withoutNoFixChecks)
  })
})

describe('fixes on the real-world corpus and the examples', () => {
  it.each(Object.keys(CORPUS))('%s: applying every fix one after another', (file) => {
    const text = CORPUS[file] ?? ''
    const fixesOf = (analysis: Analysis): Fix[] =>
      analysis.workloads.flatMap((w) => {
        const all = [
          ...w.podSecurity.checks.flatMap((c) => c.fix ?? []),
          ...w.advisories.flatMap((a) => a.fix ?? []),
        ]
        return all.slice(0, 1)
      })
    const before = analyze(text, {}, { fixes: true })
    for (const fix of before.workloads.flatMap((w) => [
      ...w.podSecurity.checks.flatMap((c) => c.fix ?? []),
      ...w.advisories.flatMap((a) => a.fix ?? []),
    ])) {
      expect(editProblems(text, fix)).toEqual([])
      expect(applyEdits(text, fix.edits)).not.toBeNull()
    }
    const result = applyAllFixes(text, {}, fixesOf)
    expect(result.rounds).toBeGreaterThanOrEqual(0)
    const after = analyze(result.text, {}, { fixes: true })
    expect(yamlErrors(after)).toEqual([])
    expect(after.workloads).toHaveLength(before.workloads.length)
    expect(fixesOf(after)).toEqual([])
    expect(commentTexts(result.text)).toEqual(commentTexts(text))
    // Only fields without a fix (volumes, runAsUser) may still fail.
    const stillFailing = new Set(
      after.workloads.flatMap((w) =>
        w.podSecurity.checks.filter((c) => !c.allowed).map((c) => c.id),
      ),
    )
    expect([...stillFailing].filter((id) => !NO_FIX.has(id))).toEqual([])
  })
})

describe('fixes on generated manifests in every layout', () => {
  const container = fc.record(
    {
      name: fc.constantFrom('a', 'b', 'c'),
      image: fc.constant('x'),
      ports: fc.constant([{ containerPort: 80, hostPort: 80 }]),
      securityContext: fc.record(
        {
          privileged: fc.boolean(),
          allowPrivilegeEscalation: fc.boolean(),
          runAsNonRoot: fc.boolean(),
          procMount: fc.constantFrom('Default', 'Unmasked'),
          readOnlyRootFilesystem: fc.boolean(),
          capabilities: fc.record(
            {
              add: fc.subarray(['NET_BIND_SERVICE', 'NET_ADMIN', 'CHOWN', 'SYS_TIME']),
              drop: fc.subarray(['ALL', 'all', 'NET_RAW']),
            },
            { requiredKeys: [] },
          ),
          seccompProfile: fc.record({ type: fc.constantFrom('RuntimeDefault', 'Unconfined') }),
          seLinuxOptions: fc.record(
            { user: fc.constant('u'), role: fc.constant('r'), type: fc.constant('spc_t') },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name', 'image'] },
  )
  const pod = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: fc.constant({ name: 'p' }),
    spec: fc.record(
      {
        hostNetwork: fc.boolean(),
        securityContext: fc.record(
          {
            runAsNonRoot: fc.boolean(),
            sysctls: fc.subarray([
              { name: 'kernel.msgmax', value: '1' },
              { name: 'kernel.shm_rmid_forced', value: '1' },
            ]),
            windowsOptions: fc.record({ hostProcess: fc.boolean() }),
          },
          { requiredKeys: [] },
        ),
        containers: fc.array(container, { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['containers'] },
    ),
  })
  const layout = fc.record({
    json: fc.boolean(),
    flow: fc.boolean(),
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    crlf: fc.boolean(),
  })

  it('every fix applies, keeps the comment and makes its check pass', () => {
    fc.assert(
      fc.property(pod, layout, (manifest, { json, flow, indent, indentSeq, crlf }) => {
        const body = json
          ? JSON.stringify(manifest, null, indent)
          : stringify(manifest, { indent, indentSeq, collectionStyle: flow ? 'flow' : 'any' })
        const lf = `# keep me\n${body}\n`
        const text = crlf ? lf.replaceAll('\n', '\r\n') : lf
        const analysis = analyze(text, {}, { fixes: true })
        expect(yamlErrors(analysis)).toEqual([])
        for (const check of analysis.workloads[0]?.podSecurity.checks ?? []) {
          if (check.fix === undefined) continue
          expect(editProblems(text, check.fix)).toEqual([])
          const fixed = applyEdits(text, check.fix.edits) ?? ''
          if (crlf) expect(fixed.replaceAll('\r\n', '')).not.toContain('\n')
          const after = analyze(fixed, {}, { fixes: true })
          expect(yamlErrors(after)).toEqual([])
          expect(commentTexts(fixed)).toEqual(['# keep me'])
          const again = after.workloads[0]?.podSecurity.checks.find((c) => c.id === check.id)
          if (check.id !== 'allowPrivilegeEscalation') expect(again?.allowed).toBe(true)
          expect(again?.fix).toBeUndefined()
        }
      }),
      { numRuns: 150 },
    )
  })
})
