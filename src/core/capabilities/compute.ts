/**
 * The five capability sets a container's first process shows in `/proc/<pid>/status`, computed
 * the way each runtime builds the OCI spec (reference "capabilities-and-runtimes", sections 3 and
 * 5) and the way runc and the kernel then apply it for the process UID (section 4).
 */

import type {
  CapabilitySetName,
  CapabilityWarning,
  ContainerCapabilities,
  ContainerRuntime,
  Range,
  Severity,
} from '../types.ts'
import type { CapabilityInfo } from './capability-table.ts'
import { capabilityByName, capLastCapForKernel } from './capability-table.ts'
import type { CapMask } from './mask.ts'
import { bitMask, bitsOf, difference, fullMask, maskToNames, toProcHex } from './mask.ts'
import { RUNTIME_DEFAULT_CAPABILITIES, runtimeDefaultMask, runtimeLabel } from './runtimes.ts'

/** One `capabilities.add` / `capabilities.drop` entry as written in the manifest. */
export interface CapabilityListItem {
  readonly name: string
  readonly range?: Range
}

export interface CapabilityInput {
  runtime: ContainerRuntime
  /** Node kernel version; decides cap_last_cap (see `capLastCapForKernel`). */
  kernel: string
  privileged: boolean
  add: ReadonlyArray<CapabilityListItem>
  drop: ReadonlyArray<CapabilityListItem>
  /** The process UID; null when unknown, which is computed as root unless `userName` is given. */
  uid: number | null
  /** A non-root user known only by name (an image USER such as `nginx`), used when `uid` is null. */
  userName?: string
  allowPrivilegeEscalation: boolean | undefined
  /**
   * Model runtimes from before the CVE-2022-24769 fixes (containerd < 1.5.11 / 1.6.2, Docker <
   * 20.10.14, CRI-O < 1.24, or CRI-O with `add_inheritable_capabilities = true`): the inheritable
   * set is the same list as the bounding set. Default false.
   */
  legacyInheritable?: boolean
}

/** The sets of the OCI spec the runtime hands to runc. */
interface SpecSets {
  bnd: CapMask
  eff: CapMask
  prm: CapMask
  inh: CapMask
  amb: CapMask
}

type List = 'add' | 'drop'

interface Context {
  input: CapabilityInput
  label: string
  capLast: number
  full: CapMask
  defaults: CapMask
  addAll: boolean
  dropAll: boolean
}

interface RuntimeOutcome {
  sets: SpecSets
  warnings: CapabilityWarning[]
  /** Non-ALL add entries the runtime accepted, with the bit each one names. */
  applied: Array<{ item: CapabilityListItem; bit: number }>
}

/** All runtimes match the keyword ALL case-insensitively (`strings.EqualFold` / `ToUpper`). */
function isAll(name: string): boolean {
  return name.toUpperCase() === 'ALL'
}

function warning(
  item: CapabilityListItem,
  list: List,
  code: string,
  severity: Severity,
  message: string,
): CapabilityWarning {
  const result: CapabilityWarning = { code, severity, name: item.name, list, message }
  if (item.range !== undefined) result.range = item.range
  return result
}

/** Go's `%q` for the names runtimes quote in their errors. */
function goQuote(text: string): string {
  const escapes: Record<string, string> = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
  }
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    out +=
      escapes[ch] ??
      (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch)
  }
  return `"${out}"`
}

function availability(cap: CapabilityInfo, capLast: number): string {
  return `${cap.name} needs Linux ${cap.since}; this node's kernel stops at cap_last_cap ${capLast}`
}

/**
 * containerd CRI, `internal/cri/opts/spec_opts.go` `WithCapabilities`: start from the 14 defaults
 * in B/E/P; add ALL → every capability containerd holds (all up to cap_last_cap); drop ALL →
 * nothing; then each other add as `"CAP_" + upper(name)`, then each other drop. Names runc does not
 * know, or the kernel lacks, are skipped with a warning (runc
 * `libcontainer/capabilities/capabilities.go` `New()`), so `CAP_NET_RAW` becomes CAP_CAP_NET_RAW
 * and does nothing. Inheritable and ambient stay empty.
 */
function containerdSpec(ctx: Context): RuntimeOutcome {
  const warnings: CapabilityWarning[] = []
  const applied: RuntimeOutcome['applied'] = []
  let set = ctx.defaults
  if (ctx.addAll) set = ctx.full
  if (ctx.dropAll) set = 0n

  const apply = (item: CapabilityListItem, list: List) => {
    const ociName = `CAP_${item.name.toUpperCase()}`
    const cap = capabilityByName(ociName)
    if (cap !== undefined && cap.bit <= ctx.capLast) {
      if (list === 'add') {
        set |= bitMask(cap.bit)
        applied.push({ item, bit: cap.bit })
      } else set = difference(set, bitMask(cap.bit))
      return
    }
    const runc = `runc: "ignoring unknown or unavailable capabilities: [${ociName}]"`
    const verb = list === 'add' ? 'added' : 'dropped'
    const meant = capabilityByName(item.name.toUpperCase())
    if (item.name.toUpperCase().startsWith('CAP_') && meant !== undefined) {
      warnings.push(
        warning(
          item,
          list,
          'cap-prefix-ignored',
          'warning',
          `containerd always prefixes CAP_, so "${item.name}" reaches runc as ${ociName}, which it ignores (${runc}): ${meant.name} is not ${verb}. Write ${meant.name.slice(4)}.`,
        ),
      )
    } else if (cap !== undefined) {
      warnings.push(
        warning(
          item,
          list,
          'cap-unavailable-ignored',
          'warning',
          `${availability(cap, ctx.capLast)}, so runc ignores it (${runc}) and it is not ${verb}.`,
        ),
      )
    } else {
      warnings.push(
        warning(
          item,
          list,
          'cap-unknown-ignored',
          'warning',
          `"${item.name}" is not a Linux capability: runc ignores ${ociName} (${runc}), so nothing is ${verb}.`,
        ),
      )
    }
  }
  for (const item of ctx.input.add) if (!isAll(item.name)) apply(item, 'add')
  for (const item of ctx.input.drop) if (!isAll(item.name)) apply(item, 'drop')
  return { sets: { bnd: set, eff: set, prm: set, inh: 0n, amb: 0n }, warnings, applied }
}

/**
 * CRI-O, `internal/factory/container/container.go` `SpecSetupCapabilities`: start empty; append
 * the defaults to the add list unless add or drop has ALL; add ALL → every capability up to
 * cap_last_cap; drop ALL → nothing; then each add, then each drop. A name keeps a `cap_` prefix
 * (any case) or gets `"CAP_" + upper(name)`. An add the kernel lacks or nobody knows fails
 * container creation; a drop fails only for an unknown name (runtime-tools `CapValid` with
 * hostSpecific false), so dropping a capability the kernel lacks is a no-op.
 */
function crioSpec(ctx: Context): RuntimeOutcome {
  const warnings: CapabilityWarning[] = []
  const applied: RuntimeOutcome['applied'] = []
  let set = 0n
  if (ctx.addAll) set = ctx.full
  if (ctx.dropAll) set = 0n
  if (!ctx.addAll && !ctx.dropAll) set |= ctx.defaults

  const prefixed = (name: string) =>
    name.toLowerCase().startsWith('cap_') ? name : `CAP_${name.toUpperCase()}`
  for (const item of ctx.input.add) {
    if (isAll(item.name)) continue
    const capName = prefixed(item.name)
    const cap = capabilityByName(capName.toUpperCase())
    if (cap !== undefined && cap.bit <= ctx.capLast) {
      set |= bitMask(cap.bit)
      applied.push({ item, bit: cap.bit })
      continue
    }
    const why = cap === undefined ? 'not a Linux capability' : availability(cap, ctx.capLast)
    warnings.push(
      warning(
        item,
        'add',
        'cap-unknown-fatal',
        'error',
        `CRI-O fails to create the container: unknown capability ${goQuote(capName)} to add (${why}).`,
      ),
    )
  }
  for (const item of ctx.input.drop) {
    if (isAll(item.name)) continue
    const capName = prefixed(item.name)
    const cap = capabilityByName(capName.toUpperCase())
    if (cap !== undefined) {
      set = difference(set, bitMask(cap.bit))
      continue
    }
    warnings.push(
      warning(
        item,
        'drop',
        'cap-unknown-fatal',
        'error',
        `CRI-O fails to create the container: failed to drop cap ${capName} invalid capability: ${capName.toUpperCase()}`,
      ),
    )
  }
  return { sets: { bnd: set, eff: set, prm: set, inh: 0n, amb: 0n }, warnings, applied }
}

/**
 * Docker / moby, `daemon/pkg/oci/caps/utils.go` `TweakCapabilities`: names are upper-cased and get
 * `CAP_` only if missing; unknown names and names the kernel lacks are rejected. add ALL → every
 * capability minus the drops (add ALL beats drop ALL); else drop ALL → exactly the adds; else the
 * defaults minus the drops plus the adds (add beats drop).
 */
function dockerSpec(ctx: Context): RuntimeOutcome {
  const warnings: CapabilityWarning[] = []
  const applied: RuntimeOutcome['applied'] = []
  const resolve = (item: CapabilityListItem, list: List): CapMask => {
    const upper = item.name.toUpperCase()
    if (upper === 'ALL') return 0n
    const capName = upper.startsWith('CAP_') ? upper : `CAP_${upper}`
    const cap = capabilityByName(capName)
    if (cap !== undefined && cap.bit <= ctx.capLast) {
      if (list === 'add') applied.push({ item, bit: cap.bit })
      return bitMask(cap.bit)
    }
    const error =
      cap === undefined
        ? `unknown capability: ${goQuote(capName)}`
        : `capability not supported by your kernel or not available in the current environment: ${goQuote(capName)}`
    warnings.push(
      warning(
        item,
        list,
        'cap-unknown-fatal',
        'error',
        `Docker fails to create the container: ${error}`,
      ),
    )
    return 0n
  }
  let adds = 0n
  let drops = 0n
  for (const item of ctx.input.add) adds |= resolve(item, 'add')
  for (const item of ctx.input.drop) drops |= resolve(item, 'drop')

  let set: CapMask
  if (ctx.addAll) set = difference(ctx.full, drops)
  else if (ctx.dropAll) set = adds
  else set = difference(ctx.defaults, drops) | adds
  return { sets: { bnd: set, eff: set, prm: set, inh: 0n, amb: 0n }, warnings, applied }
}

/**
 * `privileged: true` (section 5.1). containerd (`WithPrivileged`) and Docker give B/E/P every
 * capability the kernel has and leave inheritable and ambient empty; CRI-O (`SetupPrivileged`)
 * fills all five sets. add and drop are never applied.
 */
function privilegedSpec(ctx: Context): RuntimeOutcome {
  const warnings = [
    ...ctx.input.add.map((item) =>
      warning(
        item,
        'add',
        'cap-ignored-privileged',
        'info',
        `privileged: true already grants every capability; ${ctx.label} ignores capabilities.add.`,
      ),
    ),
    ...ctx.input.drop.map((item) =>
      warning(
        item,
        'drop',
        'cap-ignored-privileged',
        'warning',
        `privileged: true grants every capability; ${ctx.label} ignores capabilities.drop, so "${item.name}" is not dropped.`,
      ),
    ),
  ]
  const full = ctx.full
  const extra = ctx.input.runtime === 'cri-o' ? full : 0n
  return {
    sets: { bnd: full, eff: full, prm: full, inh: extra, amb: extra },
    warnings,
    applied: [],
  }
}

function namesOf(mask: CapMask): string {
  return maskToNames(mask).names.join(', ')
}

interface ExplainFacts {
  ctx: Context
  spec: SpecSets
  warnings: CapabilityWarning[]
  root: boolean
}

/** Two to five short sentences on why the sets look the way they do. */
function explain({ ctx, spec, warnings, root }: ExplainFacts): string[] {
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
      // Reference §4.2: containerd 1.5.11/1.6.2 and Docker 20.10.14 (CVE-2022-24769), CRI-O 1.24
      // (CVE-2022-27652); CRI-O's add_inheritable_capabilities restores the old behaviour.
      'Runtimes before the CVE-2022-24769 fixes (CVE-2022-27652 for CRI-O), or CRI-O with add_inheritable_capabilities, also put the list in the inheritable set.',
    )
  }
  if (input.allowPrivilegeEscalation === false && sentences.length < 5) {
    sentences.push(
      input.privileged
        ? 'allowPrivilegeEscalation: false together with privileged: true is rejected by API validation.'
        : // prctl(2) PR_SET_NO_NEW_PRIVS; reference §4.4: file capabilities within the spec's
          // permitted set still apply under no_new_privs.
          'allowPrivilegeEscalation: false sets no_new_privs: exec ignores setuid and setgid bits, so a setuid-root binary cannot make the process root (file capabilities within the bounding set still work).',
    )
  }
  return sentences
}

function userLabel(input: CapabilityInput): string {
  return input.uid === null ? `user "${input.userName ?? ''}"` : `UID ${input.uid}`
}

/**
 * Computes the `/proc/<pid>/status` capability lines of a container's first process, with the
 * names per set, the difference from the runtime default, per-entry warnings (ignored names under
 * containerd, fatal ones under CRI-O and Docker, entries ignored because of privileged, adds that
 * a non-root process cannot use) and a short explanation.
 *
 * Rules: runtime semantics of sections 3.2–3.4 and 5.1 of the capabilities reference; then the
 * exec rule of 4.1/4.2: root (UID 0, or an unknown UID) gets permitted = effective = bounding |
 * inheritable | ambient; any other UID gets permitted = effective = ambient (no file capabilities
 * assumed). `noNewPrivs` follows the kubelet (`AddNoNewPrivileges`): 1 exactly when
 * allowPrivilegeEscalation is false. Never throws.
 */
export function computeContainerCapabilities(input: CapabilityInput): ContainerCapabilities {
  const capLast = capLastCapForKernel(input.kernel)
  const ctx: Context = {
    input,
    label: runtimeLabel(input.runtime),
    capLast,
    full: fullMask(capLast),
    defaults: runtimeDefaultMask(input.runtime),
    addAll: input.add.some((item) => isAll(item.name)),
    dropAll: input.drop.some((item) => isAll(item.name)),
  }

  let outcome: RuntimeOutcome
  if (input.privileged) outcome = privilegedSpec(ctx)
  else if (input.runtime === 'containerd') outcome = containerdSpec(ctx)
  else if (input.runtime === 'cri-o') outcome = crioSpec(ctx)
  else outcome = dockerSpec(ctx)
  const spec = outcome.sets
  if (input.legacyInheritable === true) spec.inh |= spec.bnd

  // Kernel execve rules (capabilities(7)) after runc's finalizeNamespace (reference 4.2).
  const root = input.uid === 0 || (input.uid === null && input.userName === undefined)
  const permitted = root ? spec.bnd | spec.inh | spec.amb : spec.amb
  const sets: Record<CapabilitySetName, CapMask> = {
    CapInh: spec.inh,
    CapPrm: permitted,
    CapEff: permitted,
    CapBnd: spec.bnd,
    CapAmb: spec.amb,
  }

  const warnings = [...outcome.warnings]
  for (const { item, bit } of outcome.applied) {
    const mask = bitMask(bit)
    if (root || (sets.CapBnd & mask) === 0n || (sets.CapEff & mask) !== 0n) continue
    const capName = maskToNames(mask).names.join('')
    warnings.push(
      warning(
        item,
        'add',
        'cap-add-non-root',
        'info',
        `${capName} reaches only the bounding set: ${userLabel(input)} is not root, so the kernel clears the permitted and effective sets at exec. Only a binary with file capabilities${input.allowPrivilegeEscalation === false ? '' : ', or a setuid-root one,'} could use it.`,
      ),
    )
  }

  const names = (mask: CapMask) => maskToNames(mask).names
  return {
    CapInh: toProcHex(sets.CapInh),
    CapPrm: toProcHex(sets.CapPrm),
    CapEff: toProcHex(sets.CapEff),
    CapBnd: toProcHex(sets.CapBnd),
    CapAmb: toProcHex(sets.CapAmb),
    names: {
      CapInh: names(sets.CapInh),
      CapPrm: names(sets.CapPrm),
      CapEff: names(sets.CapEff),
      CapBnd: names(sets.CapBnd),
      CapAmb: names(sets.CapAmb),
    },
    runtimeDefault: toProcHex(ctx.defaults),
    added: names(difference(sets.CapBnd, ctx.defaults)),
    dropped: names(difference(ctx.defaults, sets.CapBnd)),
    warnings,
    uid: input.uid,
    explanation: explain({ ctx, spec, warnings, root }),
    noNewPrivs: input.allowPrivilegeEscalation === false ? 1 : 0,
  }
}
