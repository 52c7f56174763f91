import { useId, useState, type InputHTMLAttributes } from 'react'
import {
  CONTAINER_RUNTIMES,
  KERNEL_VERSION,
  POLICY_VERSIONS,
  runtimeLabel,
  type AnalysisOptions,
} from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { NamespacePolicyControl } from './NamespacePolicyControl.tsx'
import styles from './AssumptionsBar.module.css'

// Docker reaches Kubernetes only through the cri-dockerd shim; say so where it is picked.
const RUNTIMES = CONTAINER_RUNTIMES.map((value) => ({
  value,
  label: value === 'docker' ? `${runtimeLabel(value)} (cri-dockerd)` : runtimeLabel(value),
}))

const KERNEL_PRESETS = ['5.4', '5.8', '5.15', '6.8']

type UserKind = 'root' | 'uid' | 'name' | 'unknown'

function userKind(user: AnalysisOptions['imageUser']): UserKind {
  if (user === null) return 'unknown'
  if (typeof user === 'string') return 'name'
  return user === 0 ? 'root' : 'uid'
}

const USER_FOR_KIND: Record<UserKind, AnalysisOptions['imageUser']> = {
  root: 0,
  uid: 1000,
  name: 'nobody',
  unknown: null,
}

/**
 * A text field that keeps what the user types while it is invalid or incomplete, commits each
 * valid value at once, and says when a value is not understood (the analysis keeps the last
 * valid one meanwhile).
 */
function DraftInput({
  value,
  label,
  parse,
  hint,
  ...rest
}: {
  value: string
  label: string
  parse: (text: string) => boolean
  hint: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState<string | null>(null)
  const hintId = useId()
  const text = draft ?? value
  const invalid = draft !== null && draft !== value
  return (
    <>
      <input
        {...rest}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hintId : undefined}
        value={text}
        onChange={(e) => {
          setDraft(e.target.value)
          if (parse(e.target.value)) setDraft(null)
        }}
        onBlur={() => setDraft(null)}
      />
      {invalid && (
        <span id={hintId} role="status" className={styles.invalid}>
          {hint}
        </span>
      )}
    </>
  )
}

/** The assumptions behind every default in the panel; each change re-analyses at once. */
export function AssumptionsBar() {
  const options = usePlaygroundStore((s) => s.options)
  const set = usePlaygroundStore((s) => s.setAssumption)
  const reset = usePlaygroundStore((s) => s.resetAssumptions)
  const id = useId()
  // Typing 0 as a UID keeps the UID field: the value is root's, the choice was "UID".
  const [chosenKind, setChosenKind] = useState<UserKind | null>(null)
  const derivedKind = userKind(options.imageUser)
  const kind = chosenKind === 'uid' && derivedKind === 'root' ? 'uid' : derivedKind

  return (
    <form className={styles.bar} aria-label="Assumptions" onSubmit={(e) => e.preventDefault()}>
      <label className={styles.field}>
        <span>Runtime</span>
        <select
          value={options.runtime}
          onChange={(e) => {
            const runtime = RUNTIMES.find((r) => r.value === e.target.value)
            if (runtime) set('runtime', runtime.value)
          }}
        >
          {RUNTIMES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Node kernel</span>
        <DraftInput
          label="Node kernel"
          className={styles.short}
          list={`${id}-kernels`}
          value={options.kernel}
          spellCheck={false}
          hint={`Not a kernel version; using ${options.kernel}`}
          parse={(text) => {
            const kernel = text.trim()
            if (!KERNEL_VERSION.test(kernel)) return false
            set('kernel', kernel)
            return true
          }}
        />
        <datalist id={`${id}-kernels`}>
          {KERNEL_PRESETS.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </label>
      <label className={styles.field}>
        <span>Pod Security version</span>
        <select
          value={options.kubernetesVersion}
          onChange={(e) => {
            const version = POLICY_VERSIONS.find((v) => v === e.target.value)
            if (version) set('kubernetesVersion', version)
          }}
        >
          {POLICY_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={options.seccompDefault}
          onChange={(e) => set('seccompDefault', e.target.checked)}
        />
        <span title="kubelet --seccomp-default: unset seccomp means RuntimeDefault instead of Unconfined">
          kubelet seccompDefault
        </span>
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={options.appArmor}
          onChange={(e) => set('appArmor', e.target.checked)}
        />
        <span title="Whether the node has AppArmor enabled, so the runtime's default profile applies">
          AppArmor on node
        </span>
      </label>
      <div className={styles.field} role="group" aria-labelledby={`${id}-user`}>
        <span id={`${id}-user`}>Image USER</span>
        <span className={styles.pair}>
          <select
            aria-label="Image user kind"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as UserKind
              setChosenKind(next)
              set('imageUser', USER_FOR_KIND[next])
            }}
          >
            <option value="root">root (0)</option>
            <option value="uid">UID</option>
            <option value="name">user name</option>
            <option value="unknown">unknown</option>
          </select>
          {kind === 'uid' && (
            <DraftInput
              label="Image UID"
              className={styles.short}
              inputMode="numeric"
              value={String(options.imageUser ?? '')}
              hint={`Not a UID; using ${String(options.imageUser)}`}
              parse={(text) => {
                const uid = Number(text.trim())
                if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(uid)) return false
                set('imageUser', uid)
                return true
              }}
            />
          )}
          {kind === 'name' && (
            <DraftInput
              label="Image user name"
              className={styles.short}
              value={typeof options.imageUser === 'string' ? options.imageUser : ''}
              spellCheck={false}
              hint={`Not a user; using ${String(options.imageUser)}`}
              parse={(text) => {
                if (text.trim() === '' || /\s/.test(text.trim())) return false
                set('imageUser', text.trim())
                return true
              }}
            />
          )}
        </span>
      </div>
      <NamespacePolicyControl />
      <button
        type="button"
        className={styles.reset}
        onClick={() => {
          setChosenKind(null)
          reset()
        }}
      >
        Reset
      </button>
    </form>
  )
}
