// Scanner notes shared by the two capabilities checks.
import type { CheckFixInput, FixDraft } from '../check.ts'
import type { TextEdit } from '../../types.ts'
import { capabilityList, isMiscasedAll } from '../../workloads/pod-view.ts'
import { samePath, at, capitalize } from '../fix-helpers.ts'
import { arrayAt, recordAt } from '../../util/json-access.ts'
import { joinQuote, sortedDistinct, containersPhrase } from '../../util/go-format.ts'

/**
 * Scanner note for `CAP_`-prefixed names in capabilities.add, when any is present. At runtime
 * containerd always prefixes (containerd internal/cri/opts/spec_opts.go WithCapabilities), so runc
 * skips CAP_CAP_…; CRI-O (internal/factory/container/container.go SpecSetupCapabilities) and
 * Docker (moby daemon/pkg/oci/caps/utils.go NormalizeLegacyCapabilities) keep an existing prefix.
 */
export function capPrefixNote(added: readonly string[]): string | undefined {
  return added.some((name) => name.toUpperCase().startsWith('CAP_'))
    ? 'Admission compares exact names, so CAP_-prefixed ones fail the capabilities checks. At runtime CRI-O and Docker accept the prefix, but containerd passes CAP_CAP_… and runc skips it. Write the name without the prefix.'
    : undefined
}

/**
 * Scanner note for `all` spelt in another case in capabilities.drop. kubesec, Polaris, kube-linter
 * and Trivy compare case-insensitively (Kubescape and Checkov only partly, so left out); at
 * runtime containerd and CRI-O use strings.EqualFold and Docker upper-cases.
 */
export const MISCASED_ALL_NOTE =
  'kubesec, Polaris, kube-linter and Trivy accept lowercase "all" in drop, and so do containerd, CRI-O and Docker at runtime, but admission, Kyverno and Monokle require the exact string "ALL".'

// Baseline allows the 13 default capabilities in add; restricted allows only NET_BIND_SERVICE
// and also needs "ALL" in drop (check_capabilities_baseline.go, check_capabilities_restricted.go).
// The offending add items are exactly the outcome's add paths.
export function capabilitiesFix(
  input: CheckFixInput,
  level: 'baseline' | 'restricted',
): FixDraft | undefined {
  const parts: (readonly TextEdit[] | undefined)[] = []
  const names: string[] = []
  const removedCaps: string[] = []
  let dropAll = false
  for (const c of input.view.containers) {
    const capsPath = [...c.scPath, 'capabilities']
    const badAdd = capabilityList(c, 'add').filter(({ path }) =>
      input.outcome.paths.some((bad) => samePath(bad, path)),
    )
    const needsAll =
      level === 'restricted' && !capabilityList(c, 'drop').some(({ name }) => name === 'ALL')
    if (badAdd.length === 0 && !needsAll) continue
    names.push(c.name)
    removedCaps.push(...badAdd.map(({ name }) => name))
    dropAll ||= needsAll
    const addLength = arrayAt(recordAt(c.sc, 'capabilities'), 'add')?.length ?? 0
    const removeWholeAdd = badAdd.length > 0 && badAdd.length === addLength
    let insertDrop = false
    if (needsAll) {
      const miscased = capabilityList(c, 'drop').find(({ name }) => isMiscasedAll(name))
      const dropList = arrayAt(recordAt(c.sc, 'capabilities'), 'drop')
      if (miscased !== undefined) parts.push(input.edit.setValue(at(input, miscased.path), 'ALL'))
      else if (dropList !== undefined) {
        parts.push(input.edit.appendItem(at(input, [...capsPath, 'drop']), 'ALL'))
      } else insertDrop = true
    }
    if (removeWholeAdd && insertDrop) {
      // Swapping the entry in place keeps a flow map like {add: [X]} well-formed.
      parts.push(input.edit.replaceEntry(at(input, capsPath), 'add', 'drop', ['ALL']))
      continue
    }
    if (insertDrop) parts.push(input.edit.setValue(at(input, [...capsPath, 'drop']), ['ALL']))
    if (removeWholeAdd) parts.push(input.edit.removeEntries(at(input, capsPath), ['add']))
    else if (badAdd.length > 0) {
      const indexes = badAdd.map(({ path }) => Number(path.at(-1)))
      parts.push(input.edit.removeEntries(at(input, [...capsPath, 'add']), indexes))
    }
  }
  if (names.length === 0) return undefined
  const actions = [
    ...(dropAll ? ['drop "ALL" capabilities'] : []),
    ...(removedCaps.length > 0
      ? [`remove ${joinQuote(sortedDistinct(removedCaps))} from capabilities.add`]
      : []),
  ]
  return { title: `${capitalize(actions.join(' and '))} on ${containersPhrase(names)}`, parts }
}
