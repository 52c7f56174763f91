import type { CapabilityWarning } from '../types.ts'
import type { CapMask } from './mask.ts'
import { bitsOf, difference, maskToNames } from './mask.ts'
import { RUNTIME_DEFAULT_CAPABILITIES } from './runtimes.ts'
import type { CapabilityInput } from './compute.ts'
import type { Context, SpecSets } from './runtime-specs.ts'

function namesOf(mask: CapMask): string {
  return maskToNames(mask).names.join(', ')
}

export interface ExplainFacts {
  ctx: Context
  spec: SpecSets
  warnings: CapabilityWarning[]
  root: boolean
}

/** Two to five short sentences on why the sets look the way they do. */
export function explain({ ctx, spec, warnings, root }: ExplainFacts): string[] {
  const { input, label, capLast, full } = ctx
  const count = bitsOf(full).length
  const sentences: string[] = []
  const hasLists = input.add.length > 0 || input.drop.length > 0

  if (input.privileged) {
    const ignored = hasLists ? `; ${label} ignores add and drop` : ''
    sentences.push(
      input.runtime === 'cri-o'
        ? `privileged: true makes CRI-O put every capability the kernel has (${count}, up to cap_last_cap ${capLast}) in all five sets, inheritable and ambient included${ignored}.`
        : `privileged: true gives every capability the kernel has (${count}, up to cap_last_cap ${capLast}), with empty inheritable and ambient sets${ignored}.`,
    )
  } else {
    const defaults = RUNTIME_DEFAULT_CAPABILITIES[input.runtime].length
    sentences.push(`${label} starts from its ${defaults} default capabilities.`)
    const addWins = input.runtime === 'docker'
    let base: 'all' | 'none' | 'defaults' = 'defaults'
    if (ctx.addAll && ctx.dropAll) {
      base = addWins ? 'all' : 'none'
      sentences.push(
        addWins
          ? 'In Docker add: [ALL] wins over drop: [ALL], so every capability the kernel has is granted.'
          : `In ${label} drop: [ALL] wins over add: [ALL], so every capability is removed.`,
      )
    } else if (ctx.addAll) {
      base = 'all'
      sentences.push(
        `add: [ALL] grants every capability the kernel has (up to cap_last_cap ${capLast}).`,
      )
    } else if (ctx.dropAll) {
      base = 'none'
      sentences.push('drop: [ALL] removed every default.')
    }

    if (base === 'all' && spec.bnd !== full) {
      sentences.push(`Then drop removes ${namesOf(difference(full, spec.bnd))}.`)
    } else if (base === 'none' && spec.bnd !== 0n) {
      sentences.push(
        `Only the added ${namesOf(spec.bnd)} ${bitsOf(spec.bnd).length === 1 ? 'remains' : 'remain'}.`,
      )
    } else if (base === 'defaults') {
      const added = difference(spec.bnd, ctx.defaults)
      const dropped = difference(ctx.defaults, spec.bnd)
      const parts = [
        ...(added !== 0n ? [`adds ${namesOf(added)}`] : []),
        ...(dropped !== 0n ? [`drops ${namesOf(dropped)}`] : []),
      ]
      if (parts.length > 0) sentences.push(`Compared with the default, it ${parts.join(' and ')}.`)
    }

    const errors = warnings.filter((w) => w.severity === 'error').length
    const ignored = warnings.filter((w) => w.code.endsWith('-ignored')).length
    if (errors > 0) {
      sentences.push(
        `${label} would refuse to create this container (see the errors); the sets show what the valid entries give.`,
      )
    } else if (ignored > 0) {
      sentences.push(
        `${label} ignores ${ignored === 1 ? 'one of the listed names' : `${ignored} of the listed names`} (see the warnings).`,
      )
    }
  }

  if (input.uid === null && input.userName === undefined) {
    sentences.push('Unknown UID: computed as root (the image USER decides).')
  } else if (root) {
    sentences.push(
      'The process runs as root (UID 0), so its permitted and effective sets equal the bounding set.',
    )
  } else if (spec.amb !== 0n) {
    sentences.push(
      `The process runs as ${userLabel(input)} (non-root), but the ambient set keeps its capabilities across exec.`,
    )
  } else {
    sentences.push(
      // capabilities(7), "Transformation of capabilities during execve()": a non-root exec with
      // no file capabilities, no setuid-root bit and no ambient set ends with P' = E' = 0.
      `The process runs as ${userLabel(input)} (non-root): the kernel clears the permitted and effective sets at exec, so only the bounding set remains (no file capabilities or setuid-root binary assumed).`,
    )
  }

  if (input.legacyInheritable === true && spec.inh !== 0n && sentences.length < 5) {
    sentences.push(
      // containerd 1.5.11/1.6.2 and Docker 20.10.14 stopped filling the inheritable set
      // (CVE-2022-24769), CRI-O 1.24 likewise (CVE-2022-27652); CRI-O's
      // add_inheritable_capabilities option restores the old behaviour.
      'Runtimes before the CVE-2022-24769 fixes (CVE-2022-27652 for CRI-O), or CRI-O with add_inheritable_capabilities, also put the list in the inheritable set.',
    )
  }
  if (input.allowPrivilegeEscalation === false && sentences.length < 5) {
    sentences.push(
      input.privileged
        ? 'allowPrivilegeEscalation: false together with privileged: true is rejected by API validation.'
        : // prctl(2) PR_SET_NO_NEW_PRIVS: exec ignores setuid/setgid bits, but file capabilities
          // within the bounding set still apply under no_new_privs (capabilities(7)).
          'allowPrivilegeEscalation: false sets no_new_privs: exec ignores setuid and setgid bits, so a setuid-root binary cannot make the process root (file capabilities within the bounding set still work).',
    )
  }
  return sentences
}

export function userLabel(input: CapabilityInput): string {
  return input.uid === null ? `user "${input.userName ?? ''}"` : `UID ${input.uid}`
}
