import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateGoals } from './evaluate-goals.ts'
import {
  describeGoalCondition,
  readGoalCondition,
  readGoalSet,
  type GoalCondition,
} from './goal-conditions.ts'

const POD = (securityContext: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: nginx${securityContext}
`

const SAMPLE: GoalCondition[] = [
  { kind: 'cap-set', container: 'web', set: 'CapEff', equals: '0000000000000400' },
  { kind: 'pod-security', level: 'restricted', version: 'v1.30' },
  { kind: 'check-passes', check: 'privileged', version: 'latest' },
  { kind: 'non-root-uid', container: null },
  { kind: 'no-new-privs', container: 'web', equals: 1 },
  { kind: 'read-only-root-filesystem', container: null },
  { kind: 'seccomp-filter', container: 'web' },
  { kind: 'resource-set', container: 'web', bound: 'limits', resource: 'memory' },
  { kind: 'kubelet-starts' },
]

describe('readGoalSet', () => {
  it('reads back every kind of condition unchanged', () => {
    expect(readGoalSet(JSON.parse(JSON.stringify({ version: 1, conditions: SAMPLE })))).toEqual({
      ok: true,
      goals: { version: 1, conditions: SAMPLE },
    })
  })

  it.each([
    [null, 'not an object'],
    [{ version: 2, conditions: SAMPLE }, 'vocabulary version 2'],
    [{ version: 1, conditions: [] }, 'no conditions'],
    [{ version: 1, conditions: SAMPLE, extra: 1 }, 'unexpected field "extra"'],
    [{ version: 1, conditions: Array(13).fill(SAMPLE[8]) }, 'at most 12'],
    [{ version: 1, conditions: [{ kind: 'root-shell' }] }, 'unknown condition kind'],
    [{ version: 1, conditions: [{ ...SAMPLE[0], equals: 'A80425FB' }] }, '16 lowercase hex'],
    [{ version: 1, conditions: [{ ...SAMPLE[0], set: 'CapAll' }] }, 'set "CapAll"'],
    [{ version: 1, conditions: [{ ...SAMPLE[0], container: 'Web!' }] }, 'not a container name'],
    [{ version: 1, conditions: [{ ...SAMPLE[1], version: 'v2.0' }] }, 'not a policy version'],
    [{ version: 1, conditions: [{ ...SAMPLE[1], level: 'privileged' }] }, 'level'],
    [{ version: 1, conditions: [{ ...SAMPLE[2], check: 'toString' }] }, 'not a Pod Security check'],
    [{ version: 1, conditions: [{ ...SAMPLE[4], equals: true }] }, '0 or 1'],
    [{ version: 1, conditions: [{ kind: 'non-root-uid' }] }, 'container is missing'],
    [{ version: 1, conditions: [{ ...SAMPLE[8], container: 'web' }] }, 'unexpected field'],
  ])('refuses %j with a message', (value, message) => {
    const read = readGoalSet(value)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.error).toContain(message)
  })

  it('never throws and accepts only what it can describe', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = readGoalCondition(value)
        if (read.ok) expect(describeGoalCondition(read.condition)).not.toBe('')
      }),
    )
  })
})

describe('evaluateGoals', () => {
  it('judges a container whose image runs as root, on containerd', () => {
    const results = evaluateGoals(POD(''), { imageUser: 0 }, SAMPLE)
    expect(results.map((r) => [r.condition.kind, r.met, r.actual])).toEqual([
      ['cap-set', false, 'web: CapEff 00000000a80425fb'],
      ['pod-security', false, 'Pod p: baseline at v1.30'],
      ['check-passes', true, 'Pod p: passes'],
      ['non-root-uid', false, 'web: UID 0'],
      ['no-new-privs', false, 'web: NoNewPrivs 0'],
      ['read-only-root-filesystem', false, 'web: writable'],
      ['seccomp-filter', false, 'web: seccomp Unconfined'],
      ['resource-set', false, 'web: no memory limit'],
      ['kubelet-starts', true, 'no error from the API server or the kubelet'],
    ])
  })

  it('meets every condition for a hardened container', () => {
    const hardened = POD(`
      resources: {limits: {memory: 64Mi}}
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        seccompProfile: {type: RuntimeDefault}
        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}`)
    const results = evaluateGoals(hardened, undefined, SAMPLE)
    // Non-root: the kernel clears the effective set at exec, so CapEff is 0, not 400.
    expect(results.filter((r) => !r.met).map((r) => r.actual)).toEqual([
      'web: CapEff 0000000000000000',
    ])
  })

  it('uses the options: CRI-O defaults and the policy version of each condition', () => {
    const [caps] = evaluateGoals(POD(''), { runtime: 'cri-o' }, SAMPLE)
    expect(caps?.actual).toBe('web: CapEff 00000000000005fb')
    // seccompProfile_restricted first runs at v1.19: at v1.18 a pod without seccomp passes it.
    const check: GoalCondition = {
      kind: 'check-passes',
      check: 'seccompProfile_restricted',
      version: 'v1.18',
    }
    expect(evaluateGoals(POD(''), undefined, [check])[0]?.met).toBe(true)
    expect(evaluateGoals(POD(''), undefined, [{ ...check, version: 'v1.30' }])[0]?.met).toBe(false)
  })

  it('reports a container that is not there, a kubelet refusal and an empty text as unmet', () => {
    expect(evaluateGoals(POD(''), undefined, [{ kind: 'non-root-uid', container: 'db' }])).toEqual([
      {
        condition: { kind: 'non-root-uid', container: 'db' },
        met: false,
        actual: 'no container named db',
      },
    ])
    const [refused] = evaluateGoals(
      POD('\n      securityContext: {runAsNonRoot: true}'),
      { imageUser: 0 },
      [{ kind: 'kubelet-starts' }],
    )
    expect(refused).toMatchObject({ met: false, actual: expect.stringContaining('runAsNonRoot') })
    expect(evaluateGoals('', undefined, [{ kind: 'kubelet-starts' }])[0]?.met).toBe(false)
  })
})
