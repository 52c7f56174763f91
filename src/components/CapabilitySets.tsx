import type { CapabilitySetName, ContainerCapabilities } from '../core/index.ts'
import { capsHref } from '../lib/route.ts'
import { Chip } from './Chip.tsx'
import styles from './CapabilitySets.module.css'

const CAPABILITIES_MAN = 'https://man7.org/linux/man-pages/man7/capabilities.7.html'

const SETS: readonly { name: CapabilitySetName; meaning: string }[] = [
  {
    name: 'CapInh',
    meaning:
      'inheritable: kept across execve; granted only to programs whose file capabilities list them as inheritable',
  },
  { name: 'CapPrm', meaning: 'permitted: the most the process may make effective' },
  { name: 'CapEff', meaning: 'effective: what the kernel checks right now' },
  {
    name: 'CapBnd',
    meaning: 'bounding: the most any later execve (setuid-root or file capabilities) can grant',
  },
  {
    name: 'CapAmb',
    meaning:
      'ambient: kept and effective across execve of programs without setuid or file capabilities, even as non-root',
  },
]

function shortName(name: string): string {
  return name.replace(/^CAP_/, '')
}

/** The five `/proc/<pid>/status` capability lines, as hex and names, each linking to the decoder. */
export function CapabilitySets({
  caps,
  runtime,
}: {
  caps: ContainerCapabilities
  runtime: string
}) {
  return (
    <section className={styles.caps} aria-label="Capabilities">
      <h4>
        Capabilities{' '}
        <a href={CAPABILITIES_MAN} target="_blank" rel="noreferrer" className={styles.docs}>
          capabilities(7)
        </a>
      </h4>
      <p className={styles.uid}>
        As <code>/proc/1/status</code> would print them for{' '}
        {caps.uid === null
          ? 'an unknown user (assumed root)'
          : caps.uid === 0
            ? 'root (UID 0)'
            : `UID ${caps.uid}`}
        .
      </p>
      <dl className={styles.sets}>
        {SETS.map(({ name, meaning }) => (
          <div key={name} className={styles.set} data-testid={`caps.${name}`}>
            <dt title={meaning}>{name}:</dt>
            <dd>
              <a href={capsHref(caps[name])} className={styles.hex} title={`Decode ${caps[name]}`}>
                {caps[name]}
              </a>
              <span className={styles.names}>
                {caps.names[name].length === 0 ? 'none' : caps.names[name].map(shortName).join(' ')}
              </span>
            </dd>
          </div>
        ))}
        <div className={styles.set}>
          <dt title="no_new_privs: set when allowPrivilegeEscalation is false">NoNewPrivs:</dt>
          <dd>
            <code>{caps.noNewPrivs}</code>
          </dd>
        </div>
      </dl>
      <p className={styles.diff}>
        <span>
          Compared with the {runtime} default{' '}
          <a href={capsHref(caps.runtimeDefault)} className={styles.hex}>
            {caps.runtimeDefault}
          </a>
          :
        </span>{' '}
        {caps.added.length === 0 && caps.dropped.length === 0 && <span>no change.</span>}
        {caps.added.map((n) => (
          <Chip key={`+${n}`} tone="privileged" title="Added beyond the runtime default">
            + {shortName(n)}
          </Chip>
        ))}{' '}
        {caps.dropped.map((n) => (
          <Chip key={`-${n}`} tone="restricted" title="Dropped from the runtime default">
            − {shortName(n)}
          </Chip>
        ))}
      </p>
      {caps.explanation.length > 0 && (
        <ul className={styles.explanation}>
          {caps.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {caps.warnings.length > 0 && (
        <ul className={styles.warnings}>
          {caps.warnings.map((w, i) => (
            <li key={`${w.code}-${i}`}>
              <Chip tone={w.severity}>{w.severity}</Chip> {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
