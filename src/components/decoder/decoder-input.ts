/**
 * How the decoder's one input field follows the bits: a toggled bit is written back in the form
 * the user typed, and the kernel choice is labelled from the core's cap_last_cap steps.
 */
import {
  CAPABILITIES,
  formatCapsh,
  type CapabilityInputForm,
  type KernelCapabilityStep,
} from '../../core/index.ts'
import { bitsOf, replaceSetInInput } from '../../lib/caps-view.ts'

/**
 * The input after the set `label` became `hex`: status text keeps its other lines, capsh output
 * stays capsh output, a names list stays a names list (Kubernetes spelling, as `add:` takes it)
 * unless the mask is empty or has bits without a name; anything else becomes the hex mask.
 */
export function rewriteInput(
  input: string,
  form: CapabilityInputForm | null,
  label: string,
  hex: string,
): string {
  if (form === 'status') return replaceSetInInput(input, label, hex)
  if (form === 'capsh') return formatCapsh(hex) ?? hex
  if (form === 'names') {
    const names = bitsOf(hex).map((bit) => CAPABILITIES[bit]?.name.replace(/^CAP_/, ''))
    if (names.length > 0 && names.every((name) => name !== undefined)) return names.join(', ')
  }
  return hex
}

/** `Linux 5.9 or later`, `Linux 5.8`, `Linux 3.16–5.7`. */
export function kernelStepLabel(step: KernelCapabilityStep): string {
  if (step.until === undefined) return `Linux ${step.since} or later`
  return step.until === step.since ? `Linux ${step.since}` : `Linux ${step.since}–${step.until}`
}

/** What the field was read as, in words. */
export const FORM_LABEL: Readonly<Record<CapabilityInputForm, string>> = {
  hex: 'a hex mask',
  status: '/proc/<pid>/status lines',
  capsh: 'capsh --decode output',
  names: 'capability names',
}
