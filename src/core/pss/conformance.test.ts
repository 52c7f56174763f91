// Runs the upstream Pod Security Admission fixture corpus (testdata/, see testdata/README.md)
// through the evaluator, with the README's rules: pass → allowed; fail → rejected with the
// expected substring in the detailed message, at exactly the fixture's level and version.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { PolicyVersion, Range } from '../types.ts'
import { checkPodAtLevel, evaluatePodSecurity } from './evaluate.ts'
import { isRecord } from '../util/json-access.ts'

const FILES = import.meta.glob<string>('./testdata/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

// The expected substring per file prefix, from the upstream generators (test/fixtures_*.go).
const EXPECTED_SUBSTRING: Readonly<Record<string, string>> = {
  allowprivilegeescalation: 'allowPrivilegeEscalation',
  apparmorprofile: 'forbidden AppArmor profile',
  capabilities_baseline: 'capabilities',
  capabilities_restricted: 'unrestricted capabilities',
  hostnamespaces: 'host namespaces',
  hostpathvolumes: 'hostPath',
  hostports: 'hostPort',
  hostprobesandhostlifecycle: 'probe or lifecycle host',
  privileged: 'privileged',
  procmount: 'procMount',
  procmount_restricted: 'procMount',
  restrictedvolumes: 'restricted volume types',
  runasnonroot: 'runAsNonRoot',
  runasuser: 'runAsUser',
  seccompprofile_baseline: 'seccompProfile',
  seccompprofile_restricted: 'seccompProfile',
  selinuxoptions: 'seLinuxOptions',
  sysctls: 'forbidden sysctl',
  windowshostprocess: 'hostProcess',
}

interface Fixture {
  file: string
  level: 'baseline' | 'restricted'
  version: PolicyVersion
  verdict: 'pass' | 'fail'
  stem: string
  pod: { metadata: unknown; spec: unknown }
}

const FIXTURE_PATH = /^\.\/testdata\/(baseline|restricted)\/(v1\.\d+)\/(pass|fail)\/([^/]+)\.yaml$/

const fixtures: Fixture[] = Object.entries(FILES).map(([file, text]) => {
  const match = FIXTURE_PATH.exec(file)
  if (match === null) throw new Error(`unexpected fixture path ${file}`)
  const [, level, version, verdict, stem] = match
  const doc: unknown = parse(text)
  return {
    file: file.slice('./testdata/'.length),
    level: level as Fixture['level'],
    version: version as PolicyVersion,
    verdict: verdict as Fixture['verdict'],
    stem: stem ?? '',
    pod: isRecord(doc) ? { metadata: doc.metadata, spec: doc.spec } : { metadata: {}, spec: {} },
  }
})

const groups = new Map<string, Fixture[]>()
for (const fixture of fixtures) {
  const key = `${fixture.level}/${fixture.version}`
  groups.set(key, [...(groups.get(key) ?? []), fixture])
}

const noRange = (): Range => [0, 0]

/** Every way the evaluator disagrees with the corpus for one fixture, as readable lines. */
function mismatches(fixture: Fixture): string[] {
  const { file, level, version, verdict, stem, pod } = fixture
  const problems: string[] = []
  const result = checkPodAtLevel(pod, level, version)
  if (!checkPodAtLevel(pod, 'privileged', version).allowed) problems.push(`${file}: privileged`)
  const security = evaluatePodSecurity(pod, version, noRange, { kind: 'Pod', name: 'test' })
  if (verdict === 'pass') {
    if (!result.allowed || result.failures.length > 0) {
      problems.push(`${file}: expected allowed, got ${result.detailedMessage}`)
    }
    if (level === 'restricted' && !checkPodAtLevel(pod, 'baseline', version).allowed) {
      problems.push(`${file}: restricted pass is not allowed at baseline`)
    }
    if (security.message[level] !== undefined) problems.push(`${file}: evaluatePodSecurity fails`)
    return problems
  }
  const prefix = stem.replace(/\d+$/, '')
  const expected = EXPECTED_SUBSTRING[prefix]
  if (expected === undefined) return [...problems, `${file}: unknown prefix ${prefix}`]
  if (result.allowed) problems.push(`${file}: expected rejection`)
  if (!result.detailedMessage.includes(expected)) {
    problems.push(`${file}: message lacks ${JSON.stringify(expected)}: ${result.detailedMessage}`)
  }
  const enforce = `pods "test" is forbidden: violates PodSecurity "${level}:${version}": ${result.detailedMessage}`
  if (security.message[level] !== enforce) {
    problems.push(`${file}: evaluatePodSecurity says ${security.message[level]}`)
  }
  return problems
}

describe('upstream Pod Security Admission fixtures', () => {
  it('holds all 4,537 fixtures with the README counts', () => {
    const count = (level: string, verdict: string) =>
      fixtures.filter((f) => f.level === level && f.verdict === verdict).length
    expect(fixtures).toHaveLength(4537)
    expect([count('baseline', 'pass'), count('baseline', 'fail')]).toEqual([433, 1122])
    expect([count('restricted', 'pass'), count('restricted', 'fail')]).toEqual([618, 2364])
    expect(groups.size).toBe(2 * 38)
  })

  it.each([...groups.keys()])('%s: every fixture matches its verdict', (key) => {
    const group = groups.get(key) ?? []
    expect(group.length).toBeGreaterThan(0)
    expect(group.flatMap(mismatches)).toEqual([])
  })
})
