import { formatCapsh, lookupCapability, type DecodedSet } from '../../core/index.ts'
import { LAST_KNOWN_BIT } from '../../lib/caps-view.ts'
import { CopyButton } from './CopyButton.tsx'
import styles from './SetCard.module.css'

/** What each `/proc/<pid>/status` line means, after capabilities(7). */
const SET_MEANING: Record<string, string> = {
  CapInh:
    'Inheritable: kept across execve; granted only to programs whose file has them inheritable.',
  CapPrm: 'Permitted: the most the process can make effective.',
  CapEff: 'Effective: what the kernel checks right now.',
  CapBnd: 'Bounding: the ceiling on what any program run later can gain.',
  CapAmb: 'Ambient: kept across execve of ordinary programs, even as non-root.',
  mask: 'A single capability mask.',
}

/**
 * One decoded mask: hex, the `capsh --decode` line, and each capability with its meaning, folded
 * unless `expanded` (the set the bit grid shows), so five sets of a status file stay scannable.
 */
export function SetCard({ set, expanded }: { set: DecodedSet; expanded: boolean }) {
  const capsh = formatCapsh(set.hex) ?? ''
  const count = set.names.length + set.unknownBits.length
  const headingId = `set-${set.label}`
  return (
    <article className={styles.card} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h3 id={headingId} className={styles.label}>
          {set.label === 'mask' ? 'Mask' : set.label}
        </h3>
        <code className={styles.hex} data-testid={`hex-${set.label}`}>
          {set.hex}
        </code>
      </header>
      <p className={styles.meaning}>{SET_MEANING[set.label] ?? ''}</p>
      <div className={styles.capsh}>
        <span className={styles.capshTitle}>capsh --decode</span>
        <CopyButton text={capsh} label={`capsh line of ${set.label}`} />
        <code className={styles.capshLine} data-testid={`capsh-${set.label}`}>
          {capsh.split(',').map((part, i) => (
            // Let the long line wrap after a comma rather than inside a name.
            <span key={i}>
              {i > 0 && ','}
              {i > 0 && <wbr />}
              {part}
            </span>
          ))}
        </code>
      </div>
      {count === 0 && <p className={styles.count}>No capabilities.</p>}
      {count > 0 && (
        <details className={styles.details} open={expanded}>
          <summary className={styles.count}>
            {count} {count === 1 ? 'capability' : 'capabilities'}
          </summary>
          <ul className={styles.names} aria-label={`Capabilities in ${set.label}`}>
            {set.names.map((name) => {
              const info = lookupCapability(name)
              return (
                <li key={name} className={styles.name}>
                  <div className={styles.nameRow}>
                    <code className={styles.capName}>{name}</code>
                    {info && <span className={styles.since}>Linux {info.since}</span>}
                  </div>
                  {info && <p className={styles.summary}>{info.summary}</p>}
                  {info?.risk && (
                    <p className={styles.risk}>
                      <strong>Risk:</strong> {info.risk}
                    </p>
                  )}
                </li>
              )
            })}
            {set.unknownBits.map((bit) => (
              <li key={bit} className={styles.name}>
                <div className={styles.nameRow}>
                  <code className={styles.capName}>{bit}</code>
                  <span className={styles.since}>unknown bit</span>
                </div>
                <p className={styles.summary}>
                  No capability has this bit (the last one is bit {LAST_KNOWN_BIT}); capsh prints it
                  as a number.
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  )
}
