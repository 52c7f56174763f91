/**
 * How each runtime turns `capabilities.add` / `.drop` into the capability sets of the OCI spec it
 * hands to runc, and which entries it ignores or refuses. The sources are cited per runtime.
 */
import type { CapabilityWarning, ContainerRuntime, Severity } from '../types.ts'
import { goQuote } from '../util/go-format.ts'
import type { CapabilityInfo } from './capability-table.ts'
import { capabilityByName } from './capability-table.ts'
import type { CapMask } from './mask.ts'
import { bitMask, difference } from './mask.ts'
import type { CapabilityInput, CapabilityListItem } from './compute.ts'

/** The sets of the OCI spec the runtime hands to runc. */
export interface SpecSets {
  bnd: CapMask
  eff: CapMask
  prm: CapMask
  inh: CapMask
  amb: CapMask
}

export type List = 'add' | 'drop'

export interface Context {
  input: CapabilityInput
  label: string
  capLast: number
  full: CapMask
  defaults: CapMask
  addAll: boolean
  dropAll: boolean
}

export interface RuntimeOutcome {
  sets: SpecSets
  warnings: CapabilityWarning[]
  /** Non-ALL add entries the runtime accepted, with the bit each one names. */
  applied: Array<{ item: CapabilityListItem; bit: number }>
}

/** All runtimes match the keyword ALL case-insensitively (`strings.EqualFold` / `ToUpper`). */
export function isAll(name: string): boolean {
  return name.toUpperCase() === 'ALL'
}

export function warning(
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
 * `privileged: true`. containerd (`WithPrivileged`) and Docker give B/E/P every
 * capability the kernel has and leave inheritable and ambient empty; CRI-O (`SetupPrivileged`)
 * fills all five sets. add and drop are never applied.
 */
export function privilegedSpec(ctx: Context): RuntimeOutcome {
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

/** The spec builder of each runtime of the catalogue (runtimes.ts), for unprivileged containers. */
export const RUNTIME_SPECS: Readonly<Record<ContainerRuntime, (ctx: Context) => RuntimeOutcome>> = {
  containerd: containerdSpec,
  'cri-o': crioSpec,
  docker: dockerSpec,
}
