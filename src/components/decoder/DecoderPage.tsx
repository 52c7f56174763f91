import { useEffect, useId, useMemo, useState } from 'react'
import {
  CAPABILITIES,
  KERNEL_CAPABILITY_STEPS,
  capLastCapForKernel,
  decodeCapabilities,
  formatCapsh,
} from '../../core/index.ts'
import {
  LAST_KNOWN_BIT,
  bitsOf,
  runtimeDefaultHex,
  shareableInput,
  toggleBit,
} from './caps-view.ts'
import { capsHref, replaceHashQuietly } from '../../lib/route.ts'
import { usePlaygroundStore } from '../../store/store.ts'
import { ThemeToggle } from '../ThemeToggle.tsx'
import { BitGrid } from './BitGrid.tsx'
import { ComparePanel } from './ComparePanel.tsx'
import { FORM_LABEL, kernelStepLabel, rewriteInput } from './decoder-input.ts'
import { KernelPicker } from './KernelPicker.tsx'
import { NamesBuilder } from './NamesBuilder.tsx'
import { SetCard } from './SetCard.tsx'
import { SnippetPanel } from './SnippetPanel.tsx'
import styles from './DecoderPage.module.css'

const ZERO = '0000000000000000'

/**
 * Starting points, one per input form. The status text is what containerd's defaults give a
 * non-root process (`runAsUser: 1000`) with `allowPrivilegeEscalation: false` and a seccomp
 * filter: the default set stays in CapBnd only, as runc's capset before execve leaves it.
 */
const EXAMPLES: ReadonlyArray<{ label: string; input: string }> = [
  { label: 'containerd / Docker default', input: runtimeDefaultHex('containerd') ?? '' },
  { label: 'CRI-O default', input: runtimeDefaultHex('cri-o') ?? '' },
  { label: 'capsh output', input: formatCapsh(runtimeDefaultHex('cri-o') ?? '') ?? '' },
  { label: 'names: NET_BIND_SERVICE, CHOWN', input: 'NET_BIND_SERVICE, CHOWN' },
  { label: 'ALL', input: 'ALL' },
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
 * The capability decoder (`#/caps/<mask>`): one field takes a hex mask, a `CapEff:` line, a whole
 * `/proc/<pid>/status`, capsh output or capability names; the bits come first, then each decoded
 * set, a comparison with a runtime default and the `securityContext` that produces the mask. The
 * address bar follows the input (replaceState, so no history spam) and a new deep link replaces it.
 */
export default function DecoderPage({ initialInput }: { initialInput: string }) {
  const [input, setInput] = useState(initialInput)
  const [seenInitial, setSeenInitial] = useState(initialInput)
  // What this page last wrote into the hash, so its own echo never overwrites the field.
  const [written, setWritten] = useState<string | null>(null)
  const [focusLabel, setFocusLabel] = useState<string | null>(null)
  // The node kernel decides which capabilities exist; it starts from the playground's assumption.
  const playgroundKernel = usePlaygroundStore((s) => s.options.kernel)
  const [capLastCap, setCapLastCap] = useState(() => capLastCapForKernel(playgroundKernel))
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

  const decode = (text: string) => decodeCapabilities(text, { capLastCap })
  const decoded = useMemo(
    () => (input.trim() === '' ? null : decodeCapabilities(input, { capLastCap })),
    [input, capLastCap],
  )
  const sets = decoded?.ok ? decoded.sets : []
  const focusSet =
    sets.find((s) => s.label === focusLabel) ?? sets.find((s) => s.label === 'CapEff') ?? sets[0]
  // An empty field still shows an all-zero mask, so bits can be clicked to start one.
  const shown = focusSet ?? (decoded === null ? { label: 'mask', hex: ZERO } : undefined)
  const error = decoded !== null && !decoded.ok ? decoded.error : ''
  const form = decoded?.ok ? decoded.form : null

  function updateInput(next: string) {
    setInput(next)
    if (next.trim() === '') {
      replaceHashQuietly('#/caps')
      setWritten('')
      return
    }
    const result = decode(next)
    // Bad input stays out of the address bar; the last good link keeps working.
    if (!result.ok) return
    const shared = shareableInput(next, result.sets)
    replaceHashQuietly(capsHref(shared))
    setWritten(shared)
  }

  function setShownMask(hex: string) {
    if (!shown) return
    updateInput(rewriteInput(input, form, shown.label, hex))
  }

  const lineCount = input.split('\n').length
  const newer = shown ? namesNewerThan(shown.hex, capLastCap) : []
  const kernel = KERNEL_CAPABILITY_STEPS.find((step) => step.capLastCap === capLastCap)
  const kernelName = kernel ? kernelStepLabel(kernel) : `cap_last_cap ${capLastCap}`

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div className={styles.topline}>
          <a className={styles.back} href="#/">
            ← Back to the playground
          </a>
          <ThemeToggle />
        </div>
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
          <div className={styles.inputRow}>
            <div className={styles.field}>
              <label htmlFor={`${id}-input`} className={styles.label}>
                Hex mask, a CapEff: line, a whole /proc/&lt;pid&gt;/status, capsh output or
                capability names
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
                aria-describedby={`${id}-input-error ${id}-read-as`}
                onChange={(e) => updateInput(e.target.value)}
              />
            </div>
            <KernelPicker capLastCap={capLastCap} onChange={setCapLastCap} />
          </div>
          <p id={`${id}-input-error`} className={styles.error} role="alert">
            {error}
          </p>
          <p id={`${id}-read-as`} className={styles.readAs} data-testid="read-as">
            {form &&
              `Read as ${FORM_LABEL[form]}${sets.length > 1 ? ` (${sets.length} sets)` : ''}.`}
          </p>
          <p className={styles.hint}>
            Any form works: <code>a80425fb</code>, <code>CapEff:&#9;00000000a80425fb</code>,{' '}
            <code>0x…=cap_chown,…</code>, <code>cap_chown,cap_kill</code>, <code>CHOWN KILL</code>,{' '}
            <code>ALL</code> (every capability of {kernelName}). The address bar shares it.
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

        {shown && (
          <div className={styles.workbench}>
            <section className={styles.section} aria-labelledby={`${id}-bits-title`}>
              <h2 id={`${id}-bits-title`} className={styles.sectionTitle}>
                Bits of {shown.label === 'mask' ? 'the mask' : shown.label}{' '}
                <code className={styles.hexTitle} data-testid="shown-hex">
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
              <BitGrid
                hex={shown.hex}
                setLabel={shown.label}
                capLastCap={capLastCap}
                onToggle={(bit) => setShownMask(toggleBit(shown.hex, bit))}
              />
              <p className={styles.hint}>
                Click a bit to switch it; arrow keys move between bits. Filled with 1: set; outlined
                with 0: clear. Dashed bits are not capabilities on {kernelName}:{' '}
                {capLastCap < LAST_KNOWN_BIT &&
                  `${capLastCap + 1}–${LAST_KNOWN_BIT} are newer (struck through), `}
                {LAST_KNOWN_BIT + 1}–63 have no capability at all.
              </p>
              {newer.length > 0 && (
                <p className={styles.notice} role="note">
                  {kernelName} (cap_last_cap {capLastCap}) has no {newer.join(', ')}: a process
                  there cannot hold {newer.length === 1 ? 'it' : 'them'}.
                </p>
              )}
              <NamesBuilder setLabel={shown.label} onBuild={setShownMask} />
            </section>
            <div className={styles.side}>
              <ComparePanel hex={shown.hex} setLabel={shown.label} capLastCap={capLastCap} />
              <SnippetPanel hex={shown.hex} />
            </div>
          </div>
        )}

        {sets.length > 0 && (
          <section className={styles.section} aria-labelledby={`${id}-sets-title`}>
            <h2 id={`${id}-sets-title`} className={styles.sectionTitle}>
              {sets.length === 1 ? 'Decoded' : `Decoded: ${sets.length} sets`}
            </h2>
            <div className={styles.sets}>
              {sets.map((set) => (
                <SetCard key={set.label} set={set} expanded={set.label === shown?.label} />
              ))}
            </div>
          </section>
        )}
      </div>
    </main>
  )
}

/** The named capabilities of `hex` that a kernel with this cap_last_cap does not have. */
function namesNewerThan(hex: string, capLastCap: number): string[] {
  return bitsOf(hex)
    .filter((bit) => bit > capLastCap)
    .flatMap((bit) => CAPABILITIES[bit]?.name ?? [])
}
