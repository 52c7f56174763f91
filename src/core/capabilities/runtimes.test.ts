import { describe, expect, it } from 'vitest'
import { capabilityByName } from './capability-table.ts'
import { toProcHex } from './mask.ts'
import { RUNTIME_SPECS } from './runtime-specs.ts'
import {
  CONTAINER_RUNTIMES,
  RUNTIME_DEFAULT_CAPABILITIES,
  RUNTIMES,
  runtimeDefaultMask,
  runtimeEntry,
  runtimeLabel,
} from './runtimes.ts'

describe('runtime defaults', () => {
  it.each([
    ['containerd', 14, '00000000a80425fb'],
    ['docker', 14, '00000000a80425fb'],
    ['cri-o', 9, '00000000000005fb'],
  ] as const)('%s has %i capabilities = %s', (runtime, count, hex) => {
    expect(RUNTIME_DEFAULT_CAPABILITIES[runtime]).toHaveLength(count)
    expect(toProcHex(runtimeDefaultMask(runtime))).toBe(hex)
  })

  it('lists canonical names in bit order, without duplicates', () => {
    for (const names of Object.values(RUNTIME_DEFAULT_CAPABILITIES)) {
      const bits = names.map((n) => capabilityByName(n)?.bit ?? -1)
      expect(bits).not.toContain(-1)
      expect([...new Set(bits)].sort((a, b) => a - b)).toEqual(bits)
    }
  })

  it('CRI-O ≥ 1.18 is containerd minus MKNOD, NET_RAW, SYS_CHROOT, AUDIT_WRITE, SETFCAP', () => {
    const missing = RUNTIME_DEFAULT_CAPABILITIES.containerd.filter(
      (n) => !RUNTIME_DEFAULT_CAPABILITIES['cri-o'].includes(n),
    )
    expect(missing.sort()).toEqual(
      ['CAP_AUDIT_WRITE', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETFCAP', 'CAP_SYS_CHROOT'].sort(),
    )
  })

  it('labels runtimes for display', () => {
    expect(runtimeLabel('containerd')).toBe('containerd')
    expect(runtimeLabel('cri-o')).toBe('CRI-O')
    expect(runtimeLabel('docker')).toBe('Docker')
  })
})

describe('the runtime catalogue', () => {
  it('is the one list the ids, defaults and spec builders derive from, in display order', () => {
    const ids = RUNTIMES.map((r) => r.id)
    expect(CONTAINER_RUNTIMES).toEqual(ids)
    expect(Object.keys(RUNTIME_DEFAULT_CAPABILITIES)).toEqual(ids)
    expect(Object.keys(RUNTIME_SPECS).sort()).toEqual([...ids].sort())
    for (const runtime of RUNTIMES) {
      expect(runtimeLabel(runtime.id)).toBe(runtime.label)
      expect(runtimeEntry(runtime.id)).toBe(runtime)
      expect(RUNTIME_DEFAULT_CAPABILITIES[runtime.id]).toBe(runtime.defaultCapabilities)
    }
  })
})
