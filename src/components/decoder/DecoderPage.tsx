import { useEffect, useId, useMemo, useState } from 'react'
import { decodeCapabilities } from '../../core/index.ts'
import { replaceSetInInput, runtimeDefaultHex, shareableInput, toggleBit } from './caps-view.ts'
import { capsHref } from '../../lib/route.ts'
import { BitGrid } from './BitGrid.tsx'
import { ComparePanel } from './ComparePanel.tsx'
import { NamesBuilder } from './NamesBuilder.tsx'
import { SetCard } from './SetCard.tsx'
import { SnippetPanel } from './SnippetPanel.tsx'
import styles from './DecoderPage.module.css'

const ZERO = '0000000000000000'

/**
 * Starting points. The status text is what containerd's defaults give a non-root process
 * (`runAsUser: 1000`) with `allowPrivilegeEscalation: false` and a seccomp filter: the kernel
 * clears the permitted and effective sets at a non-root exec (capabilities(7)).
 */
const EXAMPLES: ReadonlyArray<{ label: string; input: string }> = [
  { label: 'containerd / Docker default', input: runtimeDefaultHex('containerd') ?? '' },
  { label: 'CRI-O default', input: runtimeDefaultHex('cri-o') ?? '' },
  { label: 'all, kernel 5.9+', input: '000001ffffffffff' },
  {
    label: '/proc/1/status, non-root',
    input: [
      'Name:\tapp',
      'Umask:\t0022',
      'State:\tS (sleeping)',
      'Uid:\t1000\t1000\t1000\t1000',
      'CapInh:\t0000000000000000',
      'CapPrm:\t0000000000000000',
      'CapEff:\t0000000000000000',
      `CapBnd:\t${runtimeDefaultHex('containerd') ?? ''}`,
      'CapAmb:\t0000000000000000',
      'NoNewPrivs:\t1',
      'Seccomp:\t2',
    ].join('\n'),
  },
]

/**
 * The capability decoder (`#/caps/<mask>`): decodes a hex mask, a `CapEff:` line or a whole
 * `/proc/<pid>/status`, edits one mask bit by bit or from names, compares it with a runtime
 * default and writes the `securityContext` that produces it. The address bar follows the input
 * (replaceState, so no history spam) and a new deep link replaces it.
 */
export default function DecoderPage({ initialInput }: { initialInput: string }) {
  const [input, setInput] = useState(initialInput)
  const [seenInitial, setSeenInitial] = useState(initialInput)
  // What this page last wrote into the hash, so its own echo never overwrites the field.
  const [written, setWritten] = useState<string | null>(null)
  const [focusLabel, setFocusLabel] = useState<string | null>(null)
  const id = useId()

  // A deep link opened while the page is showing (hashchange) replaces the input.
  if (initialInput !== seenInitial) {
    setSeenInitial(initialInput)
    if (initialInput !== written) setInput(initialInput)
  }

  useEffect(() => {
    const previous = document.title
    document.title = 'Capability decoder · Security Context Playground'
    return () => {
      document.title = previous
    }
  }, [])

  const decoded = useMemo(() => (input.trim() === '' ? null : decodeCapabilities(input)), [input])
  const sets = decoded?.ok ? decoded.sets : []
  const focusSet =
    sets.find((s) => s.label === focusLabel) ?? sets.find((s) => s.label === 'CapEff') ?? sets[0]
  // An empty field still shows an all-zero mask, so bits can be clicked to start one.
  const shown = focusSet ?? (decoded === null ? { label: 'mask', hex: ZERO } : undefined)
  const error = decoded !== null && !decoded.ok ? decoded.error : ''

  function updateInput(next: string) {
    setInput(next)
    if (next.trim() === '') {
      window.history.replaceState(window.history.state, '', '#/caps')
      setWritten('')
      return
    }
    const result = decodeCapabilities(next)
    // Bad input stays out of the address bar; the last good link keeps working.
    if (!result.ok) return
    const shared = shareableInput(next, result.sets)
    window.history.replaceState(window.history.state, '', capsHref(shared))
    setWritten(shared)
  }

  function setShownMask(hex: string) {
    if (!shown) return
    updateInput(input.trim() === '' ? hex : replaceSetInInput(input, shown.label, hex))
  }

  const lineCount = input.split('\n').length

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <a className={styles.back} href="#/">
          ← Back to the playground
        </a>
        <h1 className={styles.title}>Capability decoder</h1>
        <p className={styles.lede}>
          Decode the capability masks of <code>/proc/&lt;pid&gt;/status</code> the way{' '}
          <code>capsh --decode</code> does, build a mask bit by bit, and get the{' '}
          <code>securityContext</code> that produces it. Nothing leaves your browser.
        </p>
      </header>

      <div className={styles.content}>
        <section className={styles.section} aria-labelledby={`${id}-input-title`}>
          <h2 id={`${id}-input-title`} className={styles.sectionTitle}>
            Input
          </h2>
          <label htmlFor={`${id}-input`} className={styles.label}>
            Hex mask, a <code>CapEff:</code> line, or a whole <code>/proc/&lt;pid&gt;/status</code>
          </label>
          <textarea
            id={`${id}-input`}
            className={styles.input}
            value={input}
            rows={Math.min(10, Math.max(2, lineCount))}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            placeholder="00000000a80425fb"
            aria-invalid={error !== ''}
            aria-describedby={`${id}-input-error`}
            onChange={(e) => updateInput(e.target.value)}
          />
          <p id={`${id}-input-error`} className={styles.error} role="alert">
            {error}
          </p>
          <p className={styles.hint}>
            Any form works: <code>a80425fb</code>, <code>0x00000000A80425FB</code>,{' '}
            <code>CapEff:&#9;00000000a80425fb</code>. The link in the address bar shares it.
          </p>
          <ul className={styles.examples} aria-label="Examples">
            {EXAMPLES.map((example) => (
              <li key={example.label}>
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => updateInput(example.input)}
                >
                  {example.label}
                </button>
              </li>
            ))}
          </ul>
        </section>

        {sets.length > 0 && (
          <section className={styles.section} aria-labelledby={`${id}-sets-title`}>
            <h2 id={`${id}-sets-title`} className={styles.sectionTitle}>
              {sets.length === 1 ? 'Decoded' : `Decoded: ${sets.length} sets`}
            </h2>
            <div className={styles.sets}>
              {sets.map((set) => (
                <SetCard key={set.label} set={set} />
              ))}
            </div>
          </section>
        )}

        {shown && (
          <div className={styles.workbench}>
            <section className={styles.section} aria-labelledby={`${id}-bits-title`}>
              <h2 id={`${id}-bits-title`} className={styles.sectionTitle}>
                Bits of {shown.label === 'mask' ? 'the mask' : shown.label}:{' '}
                <code className={styles.mono} data-testid="shown-hex">
                  {shown.hex}
                </code>
              </h2>
              {sets.length > 1 && (
                <div className={styles.setPicker}>
                  <label htmlFor={`${id}-focus`}>Show and edit</label>
                  <select
                    id={`${id}-focus`}
                    className={styles.select}
                    value={shown.label}
                    onChange={(e) => setFocusLabel(e.target.value)}
                  >
                    {sets.map((set) => (
                      <option key={set.label} value={set.label}>
                        {set.label}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <p className={styles.hint}>
                Click a bit to switch it. Dashed bits (41–63) have no capability name.
              </p>
              <BitGrid
                hex={shown.hex}
                setLabel={shown.label}
                onToggle={(bit) => setShownMask(toggleBit(shown.hex, bit))}
              />
              <NamesBuilder setLabel={shown.label} onBuild={setShownMask} />
            </section>
            <div className={styles.side}>
              <ComparePanel hex={shown.hex} setLabel={shown.label} />
              <SnippetPanel hex={shown.hex} />
            </div>
          </div>
        )}
      </div>
    </main>
  )
}
