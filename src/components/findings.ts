import type { Advisory, Fix, PssCheck, Workload } from '../core/index.ts'
import { selectFailingChecks } from '../store/selectors.ts'

/** A failing check with the advisories that describe the same field, so it is explained once. */
export interface Finding {
  check: PssCheck
  related: Advisory[]
  /** The one fix offered: the check's own, else a related advisory's. */
  fix?: Fix
}

function sameEdits(a: Fix | undefined, b: Fix | undefined): boolean {
  if (!a || !b || a.edits.length !== b.edits.length) return false
  return a.edits.every(
    (e, i) =>
      e.insert === b.edits[i]?.insert &&
      e.range[0] === b.edits[i]?.range[0] &&
      e.range[1] === b.edits[i]?.range[1],
  )
}

/** An advisory is about the same problem when it points at the very text the check does, or
 * its fix makes the very same edit. */
function describesSame(check: PssCheck, advisory: Advisory): boolean {
  return (
    sameEdits(check.fix, advisory.fix) ||
    check.ranges.some((r) => r[0] === advisory.range[0] && r[1] === advisory.range[1])
  )
}

/** The workload's failing checks with related advisories folded in, and the advisories left. */
export function findingsOf(workload: Workload): { findings: Finding[]; advisories: Advisory[] } {
  const used = new Set<Advisory>()
  const findings = selectFailingChecks(workload).map((check) => {
    const related = workload.advisories.filter((a) => !used.has(a) && describesSame(check, a))
    for (const a of related) used.add(a)
    const fix = check.fix ?? related.find((a) => a.fix)?.fix
    return { check, related, ...(fix ? { fix } : {}) }
  })
  return { findings, advisories: workload.advisories.filter((a) => !used.has(a)) }
}
