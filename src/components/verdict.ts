import { lowestLevel, type PssLevel, type Workload } from '../core/index.ts'
import { selectFailingChecks } from '../store/selectors.ts'

export const LEVEL_LABEL: Record<PssLevel, string> = {
  privileged: 'Privileged',
  baseline: 'Baseline',
  restricted: 'Restricted',
}

/** One row of the verdict table. */
export interface WorkloadVerdict {
  index: number
  kind: Workload['kind']
  name: string
  level: PssLevel
  failing: number
  containers: number
}

export interface Verdict {
  /** The least strict level any workload reaches: what the paste as a whole can claim. */
  worst: PssLevel
  counts: Record<PssLevel, number>
  rows: WorkloadVerdict[]
}

/** The verdict over every workload of a paste, or null when there is none. */
export function verdictOf(workloads: readonly Workload[]): Verdict | null {
  if (workloads.length === 0) return null
  const counts: Record<PssLevel, number> = { privileged: 0, baseline: 0, restricted: 0 }
  const rows = workloads.map((w, index) => {
    counts[w.podSecurity.level]++
    return {
      index,
      kind: w.kind,
      name: w.name,
      level: w.podSecurity.level,
      failing: selectFailingChecks(w).length,
      containers: w.containers.length,
    }
  })
  const worst = lowestLevel(rows.map((row) => row.level))
  return { worst, counts, rows }
}

/** The id of a workload card, the target of the verdict table's rows. */
export function workloadCardId(index: number): string {
  return `workload-${index}`
}

/** The same colours as the level badges in the light theme (styles.css --bad, --warn, --good). */
const FAVICON_COLOUR: Record<PssLevel, string> = {
  privileged: '#b3261e',
  baseline: '#c27803',
  restricted: '#116329',
}

/** A favicon for a background tab: a disc in the level's colour, as an inline SVG data URL. */
export function faviconFor(level: PssLevel | null): string {
  const fill = level ? FAVICON_COLOUR[level] : '#57606a'
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${fill}"/></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

export const APP_TITLE = 'Security Context Playground'

/** The page title: the verdict first, so a background tab shows it. */
export function titleFor(verdict: Verdict | null, stale: boolean): string {
  if (stale) return `YAML error · ${APP_TITLE}`
  if (!verdict) return APP_TITLE
  const total = verdict.rows.length
  const of = total === 1 ? '' : ` (${verdict.counts[verdict.worst]} of ${total} workloads)`
  return `${LEVEL_LABEL[verdict.worst]}${of} · ${APP_TITLE}`
}
