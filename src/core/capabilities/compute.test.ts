import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContainerCapabilities, ContainerRuntime } from '../types.ts'
import type { CapabilityInput } from './compute.ts'
import { computeContainerCapabilities } from './compute.ts'

const BASE: CapabilityInput = {
  runtime: 'containerd',
  kernel: '6.8',
  privileged: false,
  add: [],
  drop: [],
  uid: 0,
  allowPrivilegeEscalation: undefined,
}

const run = (over: Partial<CapabilityInput>) => computeContainerCapabilities({ ...BASE, ...over })
const items = (...names: string[]) => names.map((name) => ({ name }))
const hex = (short: string) => short.padStart(16, '0')
/** CapInh, CapPrm, CapEff, CapBnd, CapAmb, as short hex (leading zeros dropped, 0 for none). */
const proc = (r: ContainerCapabilities) =>
  [r.CapInh, r.CapPrm, r.CapEff, r.CapBnd, r.CapAmb].map((h) => h.replace(/^0+(?=.)/, ''))

const RUNTIMES: readonly ContainerRuntime[] = ['containerd', 'cri-o', 'docker']
const FULL = '1ffffffffff'

describe('expected /proc/1/status lines', () => {
  it.each([
    ['default, root', 'containerd', {}, ['0', 'a80425fb', 'a80425fb', 'a80425fb', '0']],
    ['default, root', 'docker', {}, ['0', 'a80425fb', 'a80425fb', 'a80425fb', '0']],
    ['default, runAsUser 1000', 'containerd', { uid: 1000 }, ['0', '0', '0', 'a80425fb', '0']],
    ['default, runAsUser 1000', 'docker', { uid: 1000 }, ['0', '0', '0', 'a80425fb', '0']],
    ['default, root', 'cri-o', {}, ['0', '5fb', '5fb', '5fb', '0']],
    ['default, runAsUser 1000', 'cri-o', { uid: 1000 }, ['0', '0', '0', '5fb', '0']],
    ['privileged, root', 'containerd', { privileged: true }, ['0', FULL, FULL, FULL, '0']],
    [
      'privileged, runAsUser 1000',
      'containerd',
      { privileged: true, uid: 1000 },
      ['0', '0', '0', FULL, '0'],
    ],
    ['privileged, root', 'cri-o', { privileged: true }, [FULL, FULL, FULL, FULL, FULL]],
    [
      'privileged, runAsUser 1000',
      'cri-o',
      { privileged: true, uid: 1000 },
      [FULL, FULL, FULL, FULL, FULL],
    ],
    [
      'legacy inheritable, runAsUser 1000',
      'containerd',
      { uid: 1000, legacyInheritable: true },
      ['a80425fb', '0', '0', 'a80425fb', '0'],
    ],
    [
      'legacy inheritable, runAsUser 1000',
      'docker',
      { uid: 1000, legacyInheritable: true },
      ['a80425fb', '0', '0', 'a80425fb', '0'],
    ],
    [
      'legacy inheritable, runAsUser 1000',
      'cri-o',
      { uid: 1000, legacyInheritable: true },
      ['5fb', '0', '0', '5fb', '0'],
    ],
  ] as const)('%s under %s', (_scenario, runtime, over, expected) => {
    expect(proc(run({ runtime, ...over }))).toEqual(expected)
  })

  it.each(RUNTIMES)('drop ALL + add NET_BIND_SERVICE, root and UID 1000, under %s', (runtime) => {
    const lists = { drop: items('ALL'), add: items('NET_BIND_SERVICE') }
    expect(proc(run({ runtime, ...lists }))).toEqual(['0', '400', '400', '400', '0'])
    expect(proc(run({ runtime, ...lists, uid: 1000 }))).toEqual(['0', '0', '0', '400', '0'])
  })

  it.each(RUNTIMES)('drop ALL, root, under %s', (runtime) => {
    expect(proc(run({ runtime, drop: items('ALL') }))).toEqual(['0', '0', '0', '0', '0'])
  })

  it('uses 0000003fffffffff for privileged on a 3.16–5.7 kernel', () => {
    for (const kernel of ['3.16', '5.4', '5.7']) {
      const r = run({ privileged: true, kernel })
      expect([r.CapPrm, r.CapEff, r.CapBnd]).toEqual(Array(3).fill('0000003fffffffff'))
    }
    expect(run({ runtime: 'cri-o', privileged: true, kernel: '5.4' }).CapAmb).toBe(
      '0000003fffffffff',
    )
    expect(run({ privileged: true, kernel: '5.8' }).CapBnd).toBe('000000ffffffffff')
    expect(run({ privileged: true, kernel: '3.10' }).CapBnd).toBe('0000001fffffffff')
  })
})

describe('well-known masks', () => {
  it('containerd root default', () => {
    const r = run({})
    expect(r.CapEff).toBe('00000000a80425fb')
    expect(r.runtimeDefault).toBe('00000000a80425fb')
    expect(r.names.CapEff).toHaveLength(14)
    expect(r.added).toEqual([])
    expect(r.dropped).toEqual([])
    expect(r.warnings).toEqual([])
  })

  it('drop ALL, and drop ALL + add NET_BIND_SERVICE', () => {
    const none = run({ drop: items('ALL') })
    expect(none.CapEff).toBe(hex('0'))
    expect(none.dropped).toHaveLength(14)
    const nbs = run({ drop: items('ALL'), add: items('NET_BIND_SERVICE') })
    expect(nbs.CapEff).toBe(hex('400'))
    expect(nbs.names.CapBnd).toEqual(['CAP_NET_BIND_SERVICE'])
    expect(nbs.added).toEqual([])
    expect(nbs.dropped).toHaveLength(13)
  })

  it('CRI-O root default', () => {
    const r = run({ runtime: 'cri-o' })
    expect(r.CapEff).toBe(hex('5fb'))
    expect(r.runtimeDefault).toBe(hex('5fb'))
  })

  it('flannel-like add NET_ADMIN, NET_RAW', () => {
    const add = items('NET_ADMIN', 'NET_RAW')
    expect(run({ add }).CapEff).toBe(hex('a80435fb'))
    expect(run({ add, runtime: 'docker' }).CapEff).toBe(hex('a80435fb'))
    expect(run({ add }).added).toEqual(['CAP_NET_ADMIN'])
    const crio = run({ add, runtime: 'cri-o' })
    expect(crio.CapEff).toBe(hex('35fb'))
    expect(crio.added).toEqual(['CAP_NET_ADMIN', 'CAP_NET_RAW'])
  })

  it("CRI-O add sys_admin gives 00000000002005fb (CRI-O's test/ctr.bats)", () => {
    expect(run({ runtime: 'cri-o', add: items('sys_admin') }).CapEff).toBe('00000000002005fb')
  })

  it('CRI-O keeps a cap_ prefix in any case', () => {
    const r = run({ runtime: 'cri-o', add: items('cap_net_admin', 'CAP_SYS_TIME') })
    expect(r.CapEff).toBe(hex('20015fb'))
    expect(r.warnings).toEqual([])
  })
})

describe('containerd', () => {
  it('prefixes CAP_ unconditionally, so drop: [CAP_NET_RAW] drops nothing and warns', () => {
    const range = [10, 21] as const
    const r = run({ drop: [{ name: 'CAP_NET_RAW', range }] })
    expect(r.CapEff).toBe(hex('a80425fb'))
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatchObject({
      code: 'cap-prefix-ignored',
      severity: 'warning',
      name: 'CAP_NET_RAW',
      list: 'drop',
      range,
    })
    expect(r.warnings[0]?.message).toContain('CAP_CAP_NET_RAW')
    expect(r.warnings[0]?.message).toContain('CAP_NET_RAW is not dropped')
    expect(r.explanation).toContain(
      'containerd ignores one of the listed names (see the warnings).',
    )
  })

  it('ignores add: [CAP_SYS_ADMIN] the same way', () => {
    const r = run({ add: items('CAP_SYS_ADMIN') })
    expect(r.CapBnd).toBe(hex('a80425fb'))
    expect(r.warnings.map((w) => w.code)).toEqual(['cap-prefix-ignored'])
    expect(r.warnings[0]).not.toHaveProperty('range')
  })

  it('upper-cases names, so net_admin works', () => {
    expect(run({ add: items('net_admin') }).CapEff).toBe(hex('a80435fb'))
  })

  it('ignores unknown names with a warning', () => {
    const r = run({ add: items('FOO'), drop: items('BAR') })
    expect(r.CapEff).toBe(hex('a80425fb'))
    expect(r.warnings.map((w) => [w.code, w.severity, w.list])).toEqual([
      ['cap-unknown-ignored', 'warning', 'add'],
      ['cap-unknown-ignored', 'warning', 'drop'],
    ])
    expect(r.warnings[0]?.message).toContain(
      'ignoring unknown or unavailable capabilities: [CAP_FOO]',
    )
  })

  it('lets drop beat add, whatever the list order', () => {
    expect(run({ add: items('NET_ADMIN'), drop: items('NET_ADMIN') }).CapEff).toBe(hex('a80425fb'))
    expect(run({ add: items('ALL'), drop: items('ALL') }).CapEff).toBe(hex('0'))
    expect(run({ add: items('ALL'), drop: items('CHOWN') }).CapEff).toBe(hex('1fffffffffe'))
  })

  it('grants every capability up to cap_last_cap for add: [ALL]', () => {
    expect(run({ add: items('ALL') }).CapEff).toBe(hex(FULL))
    expect(run({ add: items('ALL'), kernel: '5.4' }).CapEff).toBe(hex('3fffffffff'))
  })

  it('ignores privileged add/drop and says so', () => {
    const r = run({ privileged: true, add: items('NET_ADMIN'), drop: items('ALL', 'CHOWN') })
    expect(r.CapEff).toBe(hex(FULL))
    expect(r.warnings.map((w) => [w.code, w.list, w.severity])).toEqual([
      ['cap-ignored-privileged', 'add', 'info'],
      ['cap-ignored-privileged', 'drop', 'warning'],
      ['cap-ignored-privileged', 'drop', 'warning'],
    ])
    expect(r.explanation[0]).toContain('containerd ignores add and drop')
  })
})

describe('lower-case all works at runtime everywhere', () => {
  it.each(RUNTIMES)('%s', (runtime) => {
    expect(run({ runtime, drop: items('all') }).CapEff).toBe(hex('0'))
    expect(run({ runtime, drop: items('All'), add: items('net_bind_service') }).CapEff).toBe(
      hex('400'),
    )
    expect(run({ runtime, add: items('all') }).CapEff).toBe(hex(FULL))
    expect(run({ runtime, add: items('all') }).warnings).toEqual([])
  })
})

describe('Docker', () => {
  it('lets add beat drop for the same name', () => {
    const r = run({ runtime: 'docker', add: items('NET_ADMIN'), drop: items('NET_ADMIN') })
    expect(r.names.CapBnd).toContain('CAP_NET_ADMIN')
    expect(
      run({ runtime: 'cri-o', add: items('NET_ADMIN'), drop: items('NET_ADMIN') }).CapBnd,
    ).toBe(hex('5fb'))
  })

  it('lets add: [ALL] beat drop: [ALL], but not single drops', () => {
    expect(run({ runtime: 'docker', add: items('ALL'), drop: items('ALL') }).CapEff).toBe(hex(FULL))
    expect(run({ runtime: 'docker', add: items('ALL'), drop: items('CHOWN') }).CapEff).toBe(
      hex('1fffffffffe'),
    )
  })

  it('rejects unknown names with moby’s message', () => {
    const r = run({ runtime: 'docker', add: items('foo'), drop: items('CAP_CAP_KILL') })
    expect(r.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['cap-unknown-fatal', 'error'],
      ['cap-unknown-fatal', 'error'],
    ])
    expect(r.warnings[0]?.message).toContain('unknown capability: "CAP_FOO"')
    expect(r.warnings[1]?.message).toContain('unknown capability: "CAP_CAP_KILL"')
    expect(r.explanation).toContain(
      'Docker would refuse to create this container (see the errors); the sets show what the valid entries give.',
    )
  })

  it('rejects a capability the kernel lacks', () => {
    const r = run({ runtime: 'docker', kernel: '5.4', drop: items('BPF') })
    expect(r.warnings[0]?.message).toContain(
      'capability not supported by your kernel or not available in the current environment: "CAP_BPF"',
    )
  })
})

describe('CRI-O', () => {
  it('fails on unknown names with its exact messages', () => {
    const add = run({ runtime: 'cri-o', add: items('FOO') })
    expect(add.warnings[0]).toMatchObject({ code: 'cap-unknown-fatal', severity: 'error' })
    expect(add.warnings[0]?.message).toContain('unknown capability "CAP_FOO" to add')
    const drop = run({ runtime: 'cri-o', drop: items('FOO') })
    expect(drop.warnings[0]?.message).toContain(
      'failed to drop cap CAP_FOO invalid capability: CAP_FOO',
    )
    const prefixed = run({ runtime: 'cri-o', drop: items('cap_foo') })
    expect(prefixed.warnings[0]?.message).toContain(
      'failed to drop cap cap_foo invalid capability: CAP_FOO',
    )
  })

  it('lets drop beat add, and drop: [ALL] beat add: [ALL]', () => {
    expect(run({ runtime: 'cri-o', add: items('ALL'), drop: items('ALL') }).CapEff).toBe(hex('0'))
    expect(run({ runtime: 'cri-o', add: items('ALL'), drop: items('chown') }).CapEff).toBe(
      hex('1fffffffffe'),
    )
  })

  it('does not fail when dropping a capability the kernel lacks', () => {
    // runtime-tools validates drops with hostSpecific = false.
    const r = run({ runtime: 'cri-o', kernel: '5.4', drop: items('BPF') })
    expect(r.warnings).toEqual([])
    expect(r.CapEff).toBe(hex('5fb'))
  })

  // Checked against upstream for drops above the kernel's cap_last_cap: CRI-O's
  // SpecSetupCapabilities (internal/factory/container/container.go) validates an add against
  // getOCICapabilitiesList, which stops at validate.LastCap(), but a drop only through runtime-tools
  // generate.DropProcessCapability*, which calls capabilities.CapValid(cap, false): with
  // hostSpecific false it checks the name against moby/sys/capability ListKnown (every capability
  // the library knows) and never against the host. So `failed to drop cap …` comes only for an
  // unknown name; Docker (daemon/pkg/oci/caps/utils.go) rejects both; containerd ignores both.
  it.each([
    ['PERFMON', '3.10'],
    ['PERFMON', '5.4'],
    ['CHECKPOINT_RESTORE', '5.8'],
  ])(
    'drops %s on kernel %s as a no-op, where an add fails and Docker refuses both',
    (cap, kernel) => {
      const drop = run({ runtime: 'cri-o', kernel, drop: items(cap) })
      expect(drop.warnings).toEqual([])
      expect(drop.CapBnd).toBe(run({ runtime: 'cri-o', kernel }).CapBnd)
      expect(run({ runtime: 'cri-o', kernel, add: items(cap) }).warnings[0]).toMatchObject({
        code: 'cap-unknown-fatal',
        list: 'add',
      })
      for (const list of ['add', 'drop'] as const) {
        expect(run({ runtime: 'docker', kernel, [list]: items(cap) }).warnings[0]).toMatchObject({
          code: 'cap-unknown-fatal',
          list,
        })
        expect(
          run({ runtime: 'containerd', kernel, [list]: items(cap) }).warnings[0],
        ).toMatchObject({
          code: 'cap-unavailable-ignored',
          list,
        })
      }
    },
  )
})

describe('CAP_BPF added on kernel 5.4', () => {
  it('is ignored with a warning under containerd', () => {
    const r = run({ kernel: '5.4', add: items('BPF') })
    expect(r.CapEff).toBe(hex('a80425fb'))
    expect(r.warnings[0]).toMatchObject({ code: 'cap-unavailable-ignored', severity: 'warning' })
    expect(r.warnings[0]?.message).toContain('CAP_BPF needs Linux 5.8')
  })

  it('is fatal under CRI-O', () => {
    const r = run({ runtime: 'cri-o', kernel: '5.4', add: items('BPF') })
    expect(r.warnings[0]).toMatchObject({
      code: 'cap-unknown-fatal',
      severity: 'error',
      list: 'add',
    })
    expect(r.warnings[0]?.message).toContain('unknown capability "CAP_BPF" to add')
  })

  it('works on 5.8', () => {
    expect(run({ kernel: '5.8', add: items('BPF') }).CapEff).toBe(hex('80a80425fb'))
    expect(run({ runtime: 'cri-o', kernel: '5.8', add: items('BPF') }).warnings).toEqual([])
  })
})

describe('UID, no_new_privs and explanation', () => {
  it('computes an unknown UID as root', () => {
    const r = run({ uid: null })
    expect(r.uid).toBeNull()
    expect(r.CapEff).toBe(hex('a80425fb'))
    expect(r.explanation).toContain('Unknown UID: computed as root (the image USER decides).')
  })

  it('explains non-root and flags adds that only reach the bounding set', () => {
    const r = run({ uid: 1000, add: [{ name: 'NET_ADMIN', range: [3, 12] }] })
    expect(r.uid).toBe(1000)
    expect(r.CapBnd).toBe(hex('a80435fb'))
    expect(r.CapEff).toBe(hex('0'))
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'cap-add-non-root',
        severity: 'info',
        name: 'NET_ADMIN',
        list: 'add',
        range: [3, 12],
      }),
    ])
    expect(r.explanation).toContain(
      'The process runs as UID 1000 (non-root): the kernel clears the permitted and effective sets at exec, so only the bounding set remains (no file capabilities or setuid-root binary assumed).',
    )
  })

  // capabilities(7) "Transformation of capabilities during execve()" and prctl(2)
  // PR_SET_NO_NEW_PRIVS: a setuid-root binary makes euid 0 (so P' = bounding) unless no_new_privs
  // is set, which makes exec ignore the setuid bit; file capabilities work either way.
  it('names setuid-root binaries as the other way to use an added capability, unless no_new_privs is set', () => {
    const escalating = run({ uid: 1000, add: items('NET_ADMIN') }).warnings[0]?.message
    expect(escalating).toContain('Only a binary with file capabilities, or a setuid-root one,')
    const nnp = run({ uid: 1000, add: items('NET_ADMIN'), allowPrivilegeEscalation: false })
    expect(nnp.warnings[0]?.message).toContain('Only a binary with file capabilities could use it.')
    expect(nnp.explanation.join(' ')).toContain('exec ignores setuid and setgid bits')
  })

  it('does not flag adds for root or for a CRI-O privileged non-root process', () => {
    expect(run({ add: items('NET_ADMIN') }).warnings).toEqual([])
    const crio = run({ runtime: 'cri-o', privileged: true, uid: 1000 })
    expect(crio.warnings).toEqual([])
    expect(crio.explanation.join(' ')).toContain('ambient set keeps its capabilities')
  })

  it('sets NoNewPrivs exactly when allowPrivilegeEscalation is false', () => {
    expect(run({ allowPrivilegeEscalation: false }).noNewPrivs).toBe(1)
    expect(run({ allowPrivilegeEscalation: true }).noNewPrivs).toBe(0)
    expect(run({}).noNewPrivs).toBe(0)
    // The kubelet has no privileged special case; API validation rejects this pair instead.
    const rejected = run({ allowPrivilegeEscalation: false, privileged: true })
    expect(rejected.noNewPrivs).toBe(1)
    expect(rejected.explanation.join(' ')).toContain('rejected by API validation')
  })

  it('writes the starting point and drop: [ALL] in plain sentences', () => {
    const r = run({ drop: items('ALL'), add: items('NET_BIND_SERVICE'), uid: 0 })
    expect(r.explanation).toEqual([
      'containerd starts from its 14 default capabilities.',
      'drop: [ALL] removed every default.',
      'Only the added CAP_NET_BIND_SERVICE remains.',
      'The process runs as root (UID 0), so its permitted and effective sets equal the bounding set.',
    ])
    expect(run({ runtime: 'cri-o' }).explanation[0]).toBe(
      'CRI-O starts from its 9 default capabilities.',
    )
    expect(run({ add: items('NET_ADMIN'), drop: items('MKNOD') }).explanation).toContain(
      'Compared with the default, it adds CAP_NET_ADMIN and drops CAP_MKNOD.',
    )
  })
})

describe('invariants over arbitrary input', () => {
  const name = fc.oneof(
    fc.constantFrom(
      'ALL',
      'all',
      'NET_ADMIN',
      'net_raw',
      'CAP_NET_RAW',
      'cap_sys_admin',
      'CHOWN',
      'BPF',
      'CHECKPOINT_RESTORE',
      'FOO',
      '',
    ),
    fc.string({ maxLength: 12 }),
  )
  const list = fc.array(
    fc.record({ name, range: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }) }),
    { maxLength: 5 },
  )
  const input = fc.record({
    runtime: fc.constantFrom(...RUNTIMES),
    kernel: fc.constantFrom('3.10', '4.19', '5.4', '5.8', '6.8', 'garbage', ''),
    privileged: fc.boolean(),
    add: list,
    drop: list,
    uid: fc.option(fc.integer({ min: 0, max: 70000 }), { nil: null }),
    allowPrivilegeEscalation: fc.option(fc.boolean(), { nil: undefined }),
    legacyInheritable: fc.boolean(),
  })

  it('keeps the kernel rules, well-formed output, and 2–5 explanation sentences', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = computeContainerCapabilities(i)
        for (const h of [r.CapInh, r.CapPrm, r.CapEff, r.CapBnd, r.CapAmb, r.runtimeDefault]) {
          expect(h).toMatch(/^[0-9a-f]{16}$/)
        }
        const [inh, prm, eff, bnd, amb] = [r.CapInh, r.CapPrm, r.CapEff, r.CapBnd, r.CapAmb].map(
          (h) => BigInt(`0x${h}`),
        )
        expect(prm).toBe(eff)
        if (i.uid === null || i.uid === 0) expect(prm).toBe((bnd ?? 0n) | (inh ?? 0n) | (amb ?? 0n))
        else expect(prm).toBe(amb)
        expect(r.explanation.length).toBeGreaterThanOrEqual(2)
        expect(r.explanation.length).toBeLessThanOrEqual(5)
        for (const w of r.warnings) {
          const source = w.list === 'add' ? i.add : i.drop
          expect(source.some((item) => item.name === w.name)).toBe(true)
        }
      }),
    )
  })
})
