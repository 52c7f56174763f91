// Control "Capabilities" — restricted (replaces capabilities_baseline from v1.22). Allowed:
// capabilities.drop must include the exact string "ALL"; capabilities.add may hold only
// "NET_BIND_SERVICE". From v1.25 the check passes for pods with spec.os.name "windows".
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_capabilities_restricted.go
import type { Path } from '../../types.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase, joinQuote, sortedDistinct } from '../../util/go-format.ts'
import { capabilityList, isMiscasedAll } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { capPrefixNote, MISCASED_ALL_NOTE, capabilitiesFix } from './capability-lists.ts'
import { CAPABILITIES_DOCS } from '../docs-links.ts'

function capabilitiesRestricted_1_22(pod: PodView): CheckOutcome {
  const missingDropAll: string[] = []
  const addingForbidden: string[] = []
  const forbiddenCaps: string[] = []
  const paths: Path[] = []
  let miscasedAll = false
  for (const c of pod.containers) {
    const drop = capabilityList(c, 'drop')
    if (!drop.some(({ name }) => name === 'ALL')) {
      missingDropAll.push(c.name)
      const miscased = drop.filter(({ name }) => isMiscasedAll(name))
      miscasedAll ||= miscased.length > 0
      paths.push(
        ...(miscased.length > 0
          ? miscased.map(({ path }) => path)
          : [[...c.scPath, 'capabilities', 'drop']]),
      )
    }
    const bad = capabilityList(c, 'add').filter(({ name }) => name !== 'NET_BIND_SERVICE')
    if (bad.length > 0) {
      addingForbidden.push(c.name)
      for (const { name, path } of bad) {
        forbiddenCaps.push(name)
        paths.push(path)
      }
    }
  }
  const details: string[] = []
  if (missingDropAll.length > 0) {
    details.push(
      `${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
    )
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedDistinct(forbiddenCaps))} in securityContext.capabilities.add`,
    )
  }
  if (details.length === 0) return ALLOWED
  const notes = [miscasedAll ? MISCASED_ALL_NOTE : undefined, capPrefixNote(forbiddenCaps)].filter(
    (note) => note !== undefined,
  )
  return forbidden(
    'unrestricted capabilities',
    details.join('; '),
    paths,
    notes.length > 0 ? notes.join(' ') : undefined,
  )
}

function capabilitiesRestricted_1_25(pod: PodView): CheckOutcome {
  return pod.windows ? ALLOWED : capabilitiesRestricted_1_22(pod)
}

export const capabilitiesRestricted = defineCheck({
  id: 'capabilities_restricted',
  level: 'restricted',
  revisions: [
    { minMinor: 22, run: capabilitiesRestricted_1_22, overrides: ['capabilities_baseline'] },
    { minMinor: 25, run: capabilitiesRestricted_1_25, overrides: ['capabilities_baseline'] },
  ],
  info: {
    control: 'Capabilities',
    why: 'Even the runtime’s default capabilities, such as DAC_OVERRIDE and SETUID, let root in the container bypass file permissions and switch users; most programs need none of them.',
    fix: 'Set securityContext.capabilities.drop: [ALL] on every container; add back only NET_BIND_SERVICE if needed.',
    docs: CAPABILITIES_DOCS,
  },
  fix: (input) => capabilitiesFix(input, 'restricted'),
})
