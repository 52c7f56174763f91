import { useId } from 'react'
import { POLICY_VERSIONS, type AnalysisOptions, type ContainerRuntime } from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './AssumptionsBar.module.css'

const RUNTIMES: readonly { value: ContainerRuntime; label: string }[] = [
  { value: 'containerd', label: 'containerd' },
  { value: 'cri-o', label: 'CRI-O' },
  { value: 'docker', label: 'Docker (cri-dockerd)' },
]

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

/** The assumptions behind every default in the panel; each change re-analyses at once. */
export function AssumptionsBar() {
  const options = usePlaygroundStore((s) => s.options)
  const set = usePlaygroundStore((s) => s.setAssumption)
  const reset = usePlaygroundStore((s) => s.resetAssumptions)
  const id = useId()
  const kind = userKind(options.imageUser)

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
        <input
          className={styles.short}
          list={`${id}-kernels`}
          value={options.kernel}
          inputMode="decimal"
          spellCheck={false}
          onChange={(e) => set('kernel', e.target.value)}
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
              set('imageUser', USER_FOR_KIND[next])
            }}
          >
            <option value="root">root (0)</option>
            <option value="uid">UID</option>
            <option value="name">user name</option>
            <option value="unknown">unknown</option>
          </select>
          {kind === 'uid' && (
            <input
              aria-label="Image UID"
              className={styles.short}
              type="number"
              min={0}
              value={typeof options.imageUser === 'number' ? options.imageUser : ''}
              onChange={(e) => {
                const uid = Number(e.target.value)
                if (e.target.value !== '' && Number.isInteger(uid) && uid >= 0)
                  set('imageUser', uid)
              }}
            />
          )}
          {kind === 'name' && (
            <input
              aria-label="Image user name"
              className={styles.short}
              value={typeof options.imageUser === 'string' ? options.imageUser : ''}
              spellCheck={false}
              onChange={(e) => {
                if (e.target.value !== '') set('imageUser', e.target.value)
              }}
            />
          )}
        </span>
      </div>
      <button type="button" className={styles.reset} onClick={reset}>
        Reset
      </button>
    </form>
  )
}
