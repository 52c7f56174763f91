import { useId } from 'react'
import { securityContextSnippet } from './caps-view.ts'
import { CopyButton } from './CopyButton.tsx'
import styles from './SnippetPanel.module.css'

/** The `securityContext.capabilities` that yields the shown mask, with where it will show up. */
export function SnippetPanel({ hex }: { hex: string }) {
  const id = useId()
  const snippet = securityContextSnippet(hex)
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <div className={styles.head}>
        <h2 id={id} className={styles.title}>
          securityContext for this mask
        </h2>
        <CopyButton text={snippet.yaml} label="securityContext snippet" />
      </div>
      <pre className={styles.code} data-testid="snippet">
        <code>{snippet.yaml}</code>
      </pre>
      {snippet.unnamedBits.length > 0 && (
        <p className={styles.warn} role="note">
          {snippet.unnamedBits.length === 1 ? 'Bit' : 'Bits'} {snippet.unnamedBits.join(', ')}{' '}
          {snippet.unnamedBits.length === 1 ? 'has' : 'have'} no capability name, so no{' '}
          <code>add</code> entry can ask for {snippet.unnamedBits.length === 1 ? 'it' : 'them'};{' '}
          {snippet.unnamedBits.length === 1 ? 'it is' : 'they are'} left out.
        </p>
      )}
      <ul className={styles.notes}>
        <li>
          Dropping <code>ALL</code> first gives the same result on containerd, CRI-O and Docker:
          exactly the <code>add</code> list.
        </li>
        <li>
          Running as root (UID 0), the process shows this mask in CapPrm, CapEff and CapBnd.{' '}
          <strong>Under a non-root UID only CapBnd gets it</strong>; CapPrm and CapEff stay 0 unless
          the program file carries file capabilities, or is setuid-root and{' '}
          <code>allowPrivilegeEscalation</code> is not <code>false</code>.
        </li>
        <li>
          Names are written without <code>CAP_</code>: containerd would pass <code>CAP_CAP_…</code>,
          which runc skips with only a log warning, and Pod Security checks the bare names
          (Restricted allows only <code>NET_BIND_SERVICE</code> in <code>add</code>).
        </li>
        <li>
          A capability newer than the node&apos;s kernel (see &quot;Linux&quot; beside each name) is
          skipped by containerd and fails container creation on CRI-O and Docker.
        </li>
      </ul>
    </section>
  )
}
