import { describe, expect, it } from 'vitest'
import {
  CAPABILITIES,
  CAP_LAST_CAP,
  canonicalCapabilityName,
  capLastCapForKernel,
  capabilityByBit,
  capabilityByName,
  lookupCapability,
} from './capability-table.ts'
import { REFERENCE_CAPABILITIES } from './fixtures/reference-capabilities.ts'
import { RUNTIME_DEFAULT_CAPABILITIES } from './runtimes.ts'

describe('CAPABILITIES', () => {
  it('matches the reference table bit for bit, name and since version', () => {
    expect(CAPABILITIES.map((c) => [c.name, c.since])).toEqual(
      REFERENCE_CAPABILITIES.map(([name, since]) => [name, since]),
    )
    CAPABILITIES.forEach((cap, index) => expect(cap.bit).toBe(index))
    expect(CAPABILITIES.length - 1).toBe(CAP_LAST_CAP)
  })

  it('gives every capability a one-line summary', () => {
    for (const cap of CAPABILITIES) {
      expect(cap.summary.length, cap.name).toBeGreaterThan(10)
      expect(cap.summary, cap.name).not.toContain('\n')
    }
  })

  it('carries a risk note for the dangerous capabilities and none for the plain ones', () => {
    const risky = [
      'CAP_SYS_ADMIN',
      'CAP_NET_ADMIN',
      'CAP_SYS_PTRACE',
      'CAP_SYS_MODULE',
      'CAP_DAC_READ_SEARCH',
      'CAP_BPF',
      'CAP_SYS_RAWIO',
      'CAP_SYS_BOOT',
      'CAP_NET_RAW',
      'CAP_PERFMON',
      'CAP_SYS_TIME',
      'CAP_MAC_ADMIN',
      'CAP_MAC_OVERRIDE',
      'CAP_DAC_OVERRIDE',
      'CAP_SETUID',
      'CAP_SETGID',
      'CAP_CHECKPOINT_RESTORE',
    ]
    for (const name of risky) expect(capabilityByName(name)?.risk, name).toBeTruthy()
    for (const name of ['CAP_CHOWN', 'CAP_NET_BIND_SERVICE', 'CAP_KILL', 'CAP_WAKE_ALARM']) {
      expect(capabilityByName(name)?.risk, name).toBeUndefined()
    }
  })
})

describe('facts stated in the summaries and risk notes', () => {
  it('gives every risk note one line, like the summaries', () => {
    for (const cap of CAPABILITIES.filter((c) => c.risk !== undefined)) {
      expect(cap.risk, cap.name).not.toContain('\n')
    }
  })

  it('says "in the containerd and Docker defaults" only of capabilities in exactly those defaults', () => {
    // runtimes.ts cites the sources: containerd and Docker share 14 defaults; CRI-O ≥ 1.18 dropped NET_RAW,
    // SYS_CHROOT, MKNOD, AUDIT_WRITE and SETFCAP from its 9.
    for (const cap of CAPABILITIES.filter((c) => c.risk?.includes('containerd and Docker'))) {
      expect(RUNTIME_DEFAULT_CAPABILITIES.containerd, cap.name).toContain(cap.name)
      expect(RUNTIME_DEFAULT_CAPABILITIES.docker, cap.name).toContain(cap.name)
      expect(RUNTIME_DEFAULT_CAPABILITIES['cri-o'], cap.name).not.toContain(cap.name)
    }
    expect(capabilityByName('CAP_NET_RAW')?.risk).toContain('containerd and Docker defaults')
  })

  it('says "split out of CAP_SYS_ADMIN" only of the capabilities Linux 5.8 and 5.9 carved out', () => {
    // capabilities(7): CAP_PERFMON and CAP_BPF (5.8) and CAP_CHECKPOINT_RESTORE (5.9) were
    // "added ... to separate out" functionality "from the overloaded CAP_SYS_ADMIN capability".
    const split = CAPABILITIES.filter((c) => c.risk?.includes('split out of CAP_SYS_ADMIN'))
    for (const cap of split) expect(['5.8', '5.9'], cap.name).toContain(cap.since)
    expect(split.map((c) => c.name)).toContain('CAP_CHECKPOINT_RESTORE')
  })
})

describe('capLastCapForKernel', () => {
  it.each([
    ['3.5', 36],
    ['3.15', 36],
    ['3.16', 37],
    ['4.19.0-25-amd64', 37],
    ['5.4', 37],
    ['5.7.19', 37],
    ['5.8', 39],
    ['5.8.18', 39],
    ['5.9', 40],
    ['5.15.0-91-generic', 40],
    ['6.8', 40],
    ['v6.1', 40],
    ['6', 40],
    ['10.0', 40],
    ['2.6.32', 36],
    ['3.4', 36],
  ])('kernel %s → %i', (kernel, expected) => {
    expect(capLastCapForKernel(kernel)).toBe(expected)
  })

  it.each(['', 'latest', 'x.y', '   ', 'five'])('unparseable %j → the default 40', (kernel) => {
    expect(capLastCapForKernel(kernel)).toBe(40)
  })

  it('agrees with each capability\'s "since" version', () => {
    // A kernel at exactly the version that introduced a capability must include its bit.
    for (const cap of CAPABILITIES.filter((c) => c.bit >= 36)) {
      expect(capLastCapForKernel(cap.since), cap.name).toBeGreaterThanOrEqual(cap.bit)
    }
    expect(capLastCapForKernel('5.7')).toBeLessThan(capabilityByName('CAP_PERFMON')?.bit ?? 0)
    expect(capLastCapForKernel('5.8')).toBeLessThan(
      capabilityByName('CAP_CHECKPOINT_RESTORE')?.bit ?? 0,
    )
  })
})

describe('lookupCapability', () => {
  it.each(['NET_ADMIN', 'CAP_NET_ADMIN', 'cap_net_admin', 'net_admin', '  Net_Admin \t'])(
    'finds %j',
    (name) => {
      expect(lookupCapability(name)?.bit).toBe(12)
    },
  )

  it.each(['CAP_CAP_NET_ADMIN', 'ALL', 'all', 'FOO', '', 'CAP_', 'NET ADMIN'])(
    'does not find %j',
    (name) => {
      expect(lookupCapability(name)).toBeUndefined()
    },
  )

  it('canonicalises without checking existence', () => {
    expect(canonicalCapabilityName(' sys_admin ')).toBe('CAP_SYS_ADMIN')
    expect(canonicalCapabilityName('cap_foo')).toBe('CAP_FOO')
  })

  it('looks up by exact name and by bit', () => {
    expect(capabilityByName('CAP_BPF')?.bit).toBe(39)
    expect(capabilityByName('cap_bpf')).toBeUndefined()
    expect(capabilityByName('BPF')).toBeUndefined()
    expect(capabilityByBit(40)?.name).toBe('CAP_CHECKPOINT_RESTORE')
    expect(capabilityByBit(41)).toBeUndefined()
    expect(capabilityByBit(-1)).toBeUndefined()
    expect(capabilityByBit(1.5)).toBeUndefined()
  })
})
