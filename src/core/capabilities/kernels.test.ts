import { describe, expect, it } from 'vitest'
import { capLastCapForKernel } from './capability-table.ts'
import { KERNEL_CAPABILITY_STEPS } from './kernels.ts'

describe('KERNEL_CAPABILITY_STEPS', () => {
  it('are the cap_last_cap steps of capabilities(7), newest first', () => {
    expect(KERNEL_CAPABILITY_STEPS).toEqual([
      { since: '5.9', capLastCap: 40 },
      { since: '5.8', until: '5.8', capLastCap: 39 },
      { since: '3.16', until: '5.7', capLastCap: 37 },
      { since: '3.5', until: '3.15', capLastCap: 36 },
    ])
  })

  it('agree with capLastCapForKernel at both ends of every step', () => {
    for (const step of KERNEL_CAPABILITY_STEPS) {
      expect(capLastCapForKernel(step.since)).toBe(step.capLastCap)
      if (step.until !== undefined) expect(capLastCapForKernel(step.until)).toBe(step.capLastCap)
    }
  })
})
