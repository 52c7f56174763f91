// Control "/proc Mount Type" — baseline. Allowed: securityContext.procMount undefined or
// "Default"; from v1.35 any value when spec.hostUsers is false. The unrelaxed rule is also the
// restricted check procMount_restricted (v1.35+), which overrides this one there.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_procMount_baseline.go
import { stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase, joinQuote, sortedDistinct } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { BASELINE_DOCS } from '../docs-links.ts'
import { setAll } from '../fix-helpers.ts'

/** The v1.0 rule, shared with procMount_restricted. */
export function procMount_1_0(pod: PodView): CheckOutcome {
  const bad = pod.containers.flatMap((c) => {
    const value = stringAt(c.sc, 'procMount')
    return value === undefined || value === 'Default' ? [] : [{ c, value }]
  })
  if (bad.length === 0) return ALLOWED
  return forbidden(
    'procMount',
    `${containersPhrase(bad.map(({ c }) => c.name))} must not set securityContext.procMount to ${joinQuote(sortedDistinct(bad.map(({ value }) => value)))}`,
    bad.map(({ c }) => [...c.scPath, 'procMount']),
  )
}

function procMount_1_35_baseline(pod: PodView): CheckOutcome {
  return pod.userNamespace ? ALLOWED : procMount_1_0(pod)
}

export const procMount = defineCheck({
  id: 'procMount',
  level: 'baseline',
  revisions: [
    { minMinor: 0, run: procMount_1_0 },
    { minMinor: 35, run: procMount_1_35_baseline },
  ],
  info: {
    control: '/proc Mount Type',
    why: 'An Unmasked /proc removes the masks and read-only mounts the runtime puts over sensitive /proc entries, exposing kernel information and settings to the container.',
    fix: 'Remove securityContext.procMount or set it to Default.',
    docs: BASELINE_DOCS,
  },
  fix: (input) => setAll(input, 'Default', 'Set procMount: Default'),
})
