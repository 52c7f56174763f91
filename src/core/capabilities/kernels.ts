/**
 * Which capabilities a node kernel has: the steps of `/proc/sys/kernel/cap_last_cap`, derived from
 * the "since" column of the capability table so the two can never disagree.
 */

import { CAPABILITIES, CAP_LAST_CAP, capLastCapForKernel } from './capability-table.ts'

export interface KernelCapabilityStep {
  /** The first kernel of the step (`5.9`), from capabilities(7). */
  since: string
  /** The kernel release before the next step (`5.7`), absent for the newest step. */
  until?: string
  /** Its `cap_last_cap`: the highest capability bit the kernel knows. */
  capLastCap: number
}

/** The kernel release just before `since` for the steps this table has (3.16 → 3.15, 5.8 → 5.7). */
function previousRelease(since: string): string {
  const [major = '0', minor = '0'] = since.split('.')
  return Number(minor) > 0 ? `${major}.${Number(minor) - 1}` : `${Number(major) - 1}.x`
}

/**
 * The cap_last_cap steps from the oldest one `capLastCapForKernel` models (36, Linux 3.5) to the
 * newest, newest first: 5.9+ → 40, 5.8 → 39, 3.16–5.7 → 37, 3.5–3.15 → 36. Each step is the
 * highest bit of a group of capabilities that arrived in the same release.
 */
export const KERNEL_CAPABILITY_STEPS: readonly KernelCapabilityStep[] = (() => {
  const oldest = capLastCapForKernel('0')
  const steps: KernelCapabilityStep[] = []
  for (let bit = oldest; bit <= CAP_LAST_CAP; bit++) {
    const since = CAPABILITIES[bit]?.since ?? ''
    // The last bit of a release's group: the next bit is newer, or there is no next bit.
    if (CAPABILITIES[bit + 1]?.since === since) continue
    steps.unshift({ since, capLastCap: bit })
  }
  for (let i = 1; i < steps.length; i++) {
    const newer = steps[i - 1]
    const step = steps[i]
    if (newer && step) step.until = previousRelease(newer.since)
  }
  return steps
})()
