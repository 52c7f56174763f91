import { describe, expect, it } from 'vitest'
import { KERNEL_CAPABILITY_STEPS, decodeCapabilities } from '../../core/index.ts'
import { kernelStepLabel, rewriteInput } from './decoder-input.ts'

describe('rewriteInput', () => {
  it('keeps the other lines of a status text', () => {
    expect(
      rewriteInput('Name:\tx\nCapEff:\t0\nCapBnd:\t5fb', 'status', 'CapEff', '0000000000000400'),
    ).toBe('Name:\tx\nCapEff:\t0000000000000400\nCapBnd:\t5fb')
  })

  it('keeps capsh output as capsh output', () => {
    expect(rewriteInput('0x0000000000000001=cap_chown', 'capsh', 'mask', '0000000000000021')).toBe(
      '0x0000000000000021=cap_chown,cap_kill',
    )
  })

  it('keeps a names list as names, in the spelling securityContext takes', () => {
    expect(rewriteInput('cap_chown', 'names', 'mask', '0000000000000421')).toBe(
      'CHOWN, KILL, NET_BIND_SERVICE',
    )
  })

  it('falls back to hex when names cannot say it: an empty mask, or bits without a name', () => {
    expect(rewriteInput('chown', 'names', 'mask', '0000000000000000')).toBe('0000000000000000')
    expect(rewriteInput('chown', 'names', 'mask', '0000020000000001')).toBe('0000020000000001')
    expect(rewriteInput('', null, 'mask', '0000000000000400')).toBe('0000000000000400')
  })

  it('writes what decodes back to the same mask, in the same form', () => {
    for (const [input, hex] of [
      ['chown', '00000000a80425fb'],
      ['0x0000000000000001=cap_chown', '000001ffffffffff'],
      ['1', 'ffffffffffffffff'],
    ] as const) {
      const before = decodeCapabilities(input)
      if (!before.ok) throw new Error(before.error)
      const after = decodeCapabilities(rewriteInput(input, before.form, 'mask', hex))
      expect(after.ok && [after.form, after.sets[0]?.hex]).toEqual([before.form, hex])
    }
  })
})

describe('kernelStepLabel', () => {
  it('names each cap_last_cap step by its kernel releases', () => {
    expect(KERNEL_CAPABILITY_STEPS.map(kernelStepLabel)).toEqual([
      'Linux 5.9 or later',
      'Linux 5.8',
      'Linux 3.16–5.7',
      'Linux 3.5–3.15',
    ])
  })
})
