// Control "Capabilities" — baseline. Allowed in capabilities.add: undefined/empty or the 13
// defaults AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
// SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT (exact strings, no CAP_ prefix).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_capabilities_baseline.go
import type { Path } from '../../types.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase, joinQuote, sortedDistinct } from '../../util/go-format.ts'
import { capabilityList } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { capPrefixNote, capabilitiesFix } from './capability-lists.ts'
import { CAPABILITIES_DOCS } from '../docs-links.ts'

const DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
])

function capabilitiesBaseline_1_0(pod: PodView): CheckOutcome {
  const badContainers: string[] = []
  const badCaps: string[] = []
  const paths: Path[] = []
  for (const c of pod.containers) {
    const bad = capabilityList(c, 'add').filter(({ name }) => !DEFAULT_CAPABILITIES.has(name))
    if (bad.length === 0) continue
    badContainers.push(c.name)
    for (const { name, path } of bad) {
      badCaps.push(name)
      paths.push(path)
    }
  }
  if (badContainers.length === 0) return ALLOWED
  return forbidden(
    'non-default capabilities',
    `${containersPhrase(badContainers)} must not include ${joinQuote(sortedDistinct(badCaps))} in securityContext.capabilities.add`,
    paths,
    capPrefixNote(badCaps),
  )
}

export const capabilitiesBaseline = defineCheck({
  id: 'capabilities_baseline',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: capabilitiesBaseline_1_0 }],
  info: {
    control: 'Capabilities',
    why: 'Capabilities outside the baseline list (Docker’s defaults minus NET_RAW), such as SYS_ADMIN, SYS_PTRACE or NET_RAW, give kernel powers that are common ways out of a container.',
    fix: 'Add only capabilities from the baseline list (such as NET_BIND_SERVICE), spelled exactly, without a CAP_ prefix.',
    docs: CAPABILITIES_DOCS,
  },
  fix: (input) => capabilitiesFix(input, 'baseline'),
})
