import { useEffect, useMemo, useState, type ReactNode } from 'react'
import {
  describeGoalCondition,
  emptyAnalysis,
  PSS_CHECK_INFO,
  runtimeLabel,
  type AnalysisOptions,
  type GoalCondition,
} from '../../core/index.ts'
import { usePromised } from '../../hooks/usePromised.ts'
import { makeLink } from '../../share/share-links.ts'
import { analysisWorker } from '../../worker/client.ts'
import styles from './GoalWorkspace.module.css'

interface Props {
  title: string
  intro?: ReactNode
  goal: string
  text: string
  onTextChange: (text: string) => void
  start: string
  options: AnalysisOptions
  conditions: readonly GoalCondition[]
  hints?: readonly string[]
  /** Shown under the goal once every condition is met. */
  success: ReactNode
  /** Called whenever the goal is found met (it may be called again; make it idempotent). */
  onSolved?: () => void
}

/**
 * A manifest editor beside its goal: every condition is checked by the core on each edit, and
 * the facts it reads (capability lines, user, level) are shown for every container.
 */
export function GoalWorkspace(props: Props) {
  const { title, intro, goal, text, onTextChange, start, options, conditions, hints, success } =
    props
  const { onSolved } = props
  // The worker checks the newest text; typing never waits for it.
  const check = usePromised(
    useMemo(
      () => analysisWorker.run('checkGoals', [text, options, conditions], 'goals'),
      [text, options, conditions],
    ),
  )
  // Results line up with `conditions` only once the check of these conditions has arrived.
  const results = check.value?.results.length === conditions.length ? check.value.results : []
  const analysis = check.value?.analysis ?? emptyAnalysis(options)
  const solved = check.value !== undefined && !check.pending && results.every((r) => r.met)
  const findings = analysis.workloads.flatMap((w, wi) =>
    w.podSecurity.checks
      .filter((c) => !c.allowed)
      .map((c) => ({
        key: `${wi}:${c.id}`,
        control: PSS_CHECK_INFO[c.id].control,
        level: c.level,
        text: [c.reason, c.detail].filter(Boolean).join(': '),
      })),
  )
  const [opening, setOpening] = useState(false)
  useEffect(() => {
    if (solved) onSolved?.()
  }, [solved, onSolved])

  const openInPlayground = async () => {
    setOpening(true)
    const link = await makeLink('share', { source: text, options }, window.location.href)
    window.location.assign(link.url)
  }

  return (
    <div className={styles.workspace}>
      <div className={styles.brief}>
        <h2 className={styles.title}>{title}</h2>
        {intro && <div className={styles.intro}>{intro}</div>}
        <p className={styles.goal}>
          <strong>Goal:</strong> {goal}
        </p>
        <ul
          className={styles.conditions}
          aria-label="Goal conditions"
          data-testid="goal-conditions"
        >
          {conditions.map((condition, i) => {
            const result = results[i]
            return (
              <li
                key={i}
                className={result?.met ? styles.met : styles.unmet}
                data-met={result?.met ?? false}
              >
                <span className={styles.mark} aria-hidden="true">
                  {result?.met ? '✓' : '○'}
                </span>
                <span>
                  {describeGoalCondition(condition)}
                  <span className={styles.visuallyHidden}>
                    {result?.met ? ' (met)' : ' (not met yet)'}
                  </span>
                  <span className={styles.actual}>Now: {result?.actual ?? 'checking…'}</span>
                </span>
              </li>
            )
          })}
        </ul>
        <div role="status" className={styles.successSlot}>
          {solved && (
            <div className={styles.success} data-testid="goal-success">
              {success}
            </div>
          )}
        </div>
        {findings.length > 0 && (
          <div className={styles.findings}>
            <h3 className={styles.findingsTitle}>
              Pod Security findings ({options.kubernetesVersion})
            </h3>
            <ul>
              {findings.map((f) => (
                <li key={f.key}>
                  <strong>{f.control}</strong> <span className={styles.muted}>({f.level})</span>:{' '}
                  {f.text}
                </li>
              ))}
            </ul>
          </div>
        )}
        {hints && hints.length > 0 && !solved && (
          <details className={styles.hints}>
            <summary>Hints</summary>
            <ol>
              {hints.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ol>
          </details>
        )}
        <p className={styles.assumptions}>
          Assumed: {runtimeLabel(options.runtime)}, node kernel {options.kernel}, kubelet
          seccompDefault {options.seccompDefault ? 'on' : 'off'}, image USER{' '}
          {options.imageUser === null ? 'unknown' : String(options.imageUser)}.
        </p>
      </div>
      <div className={styles.editorColumn}>
        <label className={styles.editorLabel} htmlFor="goal-editor">
          Manifest
        </label>
        <textarea
          id="goal-editor"
          wrap="off"
          className={styles.editor}
          // Tall enough for the whole manifest, so the learner reads it without a second scrollbar.
          rows={Math.min(40, Math.max(12, text.split('\n').length + 1))}
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          data-testid="goal-editor"
        />
        <div className={styles.toolbar}>
          <button type="button" onClick={() => onTextChange(start)} disabled={text === start}>
            Start over
          </button>
          <button type="button" onClick={() => void openInPlayground()} disabled={opening}>
            Open in the playground
          </button>
        </div>
        <div className={styles.scroll}>
          <table className={styles.facts} data-testid="goal-facts">
            <caption>What the node would run</caption>
            <thead>
              <tr>
                <th scope="col">Container</th>
                <th scope="col">UID</th>
                <th scope="col">CapEff</th>
                <th scope="col">NoNewPrivs</th>
                <th scope="col">Level</th>
              </tr>
            </thead>
            <tbody>
              {analysis.workloads.flatMap((w, wi) =>
                w.containers.map((c) => (
                  <tr key={`${wi}:${c.type}:${c.name}`}>
                    <th scope="row">{c.name}</th>
                    <td>{c.capabilities.uid ?? 'unknown'}</td>
                    <td>
                      <code>{c.capabilities.CapEff}</code>
                    </td>
                    <td>{c.capabilities.noNewPrivs}</td>
                    <td>
                      {w.podSecurity.level}{' '}
                      <span className={styles.muted}>({w.podSecurity.version})</span>
                    </td>
                  </tr>
                )),
              )}
              {analysis.workloads.length === 0 && (
                <tr>
                  <td colSpan={5}>
                    {check.value === undefined
                      ? 'Checking the manifest…'
                      : (analysis.diagnostics[0]?.message ?? 'No workload in the manifest yet.')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  )
}
