/**
 * The five capability sets a container's first process shows in `/proc/<pid>/status`: the OCI
 * spec sets each runtime builds (runtime-specs.ts), then the kernel's execve rules for the process
 * UID (capabilities(7), "Transformation of capabilities during execve()").
 */
import type { CapabilitySetName, ContainerCapabilities, ContainerRuntime, Range } from '../types.ts'
import { capLastCapForKernel } from './capability-table.ts'
import { explain, userLabel } from './explain.ts'
import type { CapMask } from './mask.ts'
import { bitMask, difference, fullMask, maskToNames, toProcHex } from './mask.ts'
import { runtimeDefaultMask, runtimeLabel } from './runtimes.ts'
import { isAll, privilegedSpec, RUNTIME_SPECS, warning, type Context } from './runtime-specs.ts'

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

/**
 * Computes the `/proc/<pid>/status` capability lines of a container's first process, with the
 * names per set, the difference from the runtime default, per-entry warnings (ignored names under
 * containerd, fatal ones under CRI-O and Docker, entries ignored because of privileged, adds that
 * a non-root process cannot use) and a short explanation.
 *
 * Rules: the runtime's spec (runtime-specs.ts); then the kernel's exec rule: root (UID 0, or an
 * unknown UID) gets permitted = effective = bounding | inheritable | ambient; any other UID gets
 * permitted = effective = ambient (no file capabilities assumed). `noNewPrivs` follows the kubelet (`AddNoNewPrivileges`): 1 exactly when
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

  const outcome = input.privileged ? privilegedSpec(ctx) : RUNTIME_SPECS[input.runtime](ctx)
  const spec = outcome.sets
  if (input.legacyInheritable === true) spec.inh |= spec.bnd

  // Kernel execve rules (capabilities(7)) after runc's finalizeNamespace (libcontainer/init_linux.go).
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
