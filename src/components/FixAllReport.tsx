import { PSS_CHECK_INFO, type FixAllResult, type Workload } from '../core/index.ts'
import styles from './FixAllDialog.module.css'

function findingLabel(code: string): string {
  return code in PSS_CHECK_INFO
    ? PSS_CHECK_INFO[code as keyof typeof PSS_CHECK_INFO].control
    : 'Container may not start (runAsNonRoot)'
}

/** What "Fix all" changes, and what it leaves for the reviewer with their choices. */
export function FixAllReport({
  result,
  workloads,
  single,
}: {
  result: FixAllResult
  workloads: readonly Workload[]
  /** Only one workload is in scope: no need to name it on every line. */
  single: boolean
}) {
  const name = (index: number) => {
    const w = workloads[index]
    return w ? `${w.kind} ${w.name || '(no name)'}` : `workload ${index + 1}`
  }
  return (
    <>
      {result.unfixed.length > 0 && (
        <section className={styles.section} aria-labelledby="fixall-left">
          <h3 id="fixall-left" className={styles.sectionTitle}>
            Left for you
          </h3>
          <ul className={styles.list} data-testid="fixall.unfixed">
            {result.unfixed.flatMap((u) =>
              u.findings.map((f) => (
                <li key={`${u.workload}-${f.code}`} className={styles.left}>
                  <strong>
                    {!single && `${name(u.workload)}: `}
                    {findingLabel(f.code)}
                  </strong>
                  <span>{f.reason}</span>
                  <ul className={styles.choices}>
                    {f.choices.map((choice) => (
                      <li key={choice}>{choice}</li>
                    ))}
                  </ul>
                </li>
              )),
            )}
          </ul>
        </section>
      )}
      <section className={styles.section} aria-labelledby="fixall-changes">
        <h3 id="fixall-changes" className={styles.sectionTitle}>
          Changes ({result.applied.length})
        </h3>
        {result.applied.length === 0 ? (
          <p className={styles.hint}>Nothing can be changed without you.</p>
        ) : (
          <ol className={styles.list} data-testid="fixall.changes">
            {result.applied.map((a, i) => (
              <li key={i}>
                {!single && <span className={styles.where}>{name(a.workload)}: </span>}
                {a.title}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  )
}
