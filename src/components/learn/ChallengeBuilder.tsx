import { useId, useMemo, useState, type ReactNode } from 'react'
import {
  CAP_SET_NAMES,
  describeGoalCondition,
  GOAL_KINDS,
  GOALS_FORMAT_VERSION,
  MAX_GOAL_CONDITIONS,
  POLICY_VERSIONS,
  PSS_CHECK_INFO,
  type CheckId,
  type GoalCondition,
} from '../../core/index.ts'
import {
  makeLink,
  MAX_MESSAGE_CHARS,
  MAX_TITLE_CHARS,
  type MadeLink,
} from '../../share/share-links.ts'
import { usePromised } from '../../hooks/usePromised.ts'
import { analysisWorker } from '../../worker/client.ts'
import { currentManifest } from '../share/current-manifest.ts'
import {
  draftToCondition,
  EMPTY_DRAFT,
  fieldsFor,
  KIND_LABELS,
  type GoalDraft,
} from './goal-form.ts'
import styles from './ChallengeBuilder.module.css'

const CHECK_IDS = Object.keys(PSS_CHECK_INFO) as CheckId[]

/** A labelled control; the label points at it by id, so its name is the label alone. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

/** `#/challenge/new`: a manifest, goal conditions from the lesson vocabulary, a message, a link. */
export function ChallengeBuilder() {
  // Starts from what is in the playground now, with its assumptions.
  const [initial] = useState(currentManifest)
  const [title, setTitle] = useState('')
  const [message, setMessage] = useState('')
  const [source, setSource] = useState(initial.source)
  const [conditions, setConditions] = useState<GoalCondition[]>([])
  const [draft, setDraft] = useState<GoalDraft>(EMPTY_DRAFT)
  const [formError, setFormError] = useState('')
  const [link, setLink] = useState<MadeLink | null>(null)

  const options = initial.options
  // The worker checks the newest text and conditions; typing never waits for it.
  const check = usePromised(
    useMemo(
      () => analysisWorker.run('checkGoals', [source, options, conditions], 'challenge'),
      [source, options, conditions],
    ),
  ).value
  const containers = useMemo(
    () => [
      ...new Set(check?.analysis.workloads.flatMap((w) => w.containers.map((c) => c.name)) ?? []),
    ],
    [check],
  )
  const results = check?.results.length === conditions.length ? check.results : undefined

  // Any edit makes an existing link stale: it would not carry the change.
  const edited = (setter: (value: string) => void) => (value: string) => {
    setter(value)
    setLink(null)
  }
  const change = (patch: Partial<GoalDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setFormError('')
  }
  const add = () => {
    const read = draftToCondition(draft)
    if (!read.ok) return setFormError(read.error)
    setConditions((list) => [...list, read.condition])
    setLink(null)
  }
  const create = async () => {
    setLink(
      await makeLink(
        'challenge',
        {
          title: title.trim(),
          message: message.trim(),
          source,
          options,
          goals: { version: GOALS_FORMAT_VERSION, conditions },
        },
        window.location.href,
      ),
    )
  }
  const fields = fieldsFor(draft.kind)
  const canCreate = title.trim() !== '' && conditions.length > 0

  return (
    <div className={styles.builder}>
      <div className={styles.column}>
        <Field label="Title">
          {(id) => (
            <input
              id={id}
              value={title}
              maxLength={MAX_TITLE_CHARS}
              onChange={(e) => edited(setTitle)(e.target.value)}
            />
          )}
        </Field>
        <div className={styles.field}>
          <label htmlFor="challenge-message">Message to the learner</label>
          <textarea
            id="challenge-message"
            rows={3}
            value={message}
            maxLength={MAX_MESSAGE_CHARS}
            onChange={(e) => edited(setMessage)(e.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor="challenge-source">Starting manifest (what the learner gets)</label>
          <textarea
            id="challenge-source"
            wrap="off"
            className={styles.code}
            rows={16}
            spellCheck={false}
            value={source}
            onChange={(e) => edited(setSource)(e.target.value)}
            data-testid="challenge-source"
          />
        </div>
      </div>
      <div className={styles.column}>
        <fieldset className={styles.picker}>
          <legend>Add a goal condition</legend>
          <Field label="Condition">
            {(id) => (
              <select
                id={id}
                value={draft.kind}
                onChange={(e) => change({ kind: e.target.value as GoalDraft['kind'] })}
              >
                {GOAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className={styles.params}>
            {fields.includes('container') && (
              <Field label="Container">
                {(id) => (
                  <select
                    id={id}
                    value={draft.container}
                    onChange={(e) => change({ container: e.target.value })}
                  >
                    <option value="">every container</option>
                    {containers.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {fields.includes('set') && (
              <Field label="Line">
                {(id) => (
                  <select
                    id={id}
                    value={draft.set}
                    onChange={(e) => change({ set: e.target.value })}
                  >
                    {CAP_SET_NAMES.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {fields.includes('equals') && (
              <Field label="Hex value">
                {(id) => (
                  <input
                    id={id}
                    className={styles.mono}
                    value={draft.equals}
                    placeholder="0000000000000400"
                    onChange={(e) => change({ equals: e.target.value })}
                  />
                )}
              </Field>
            )}
            {fields.includes('noNewPrivs') && (
              <Field label="NoNewPrivs">
                {(id) => (
                  <select
                    id={id}
                    value={draft.noNewPrivs}
                    onChange={(e) => change({ noNewPrivs: e.target.value })}
                  >
                    <option value="1">1</option>
                    <option value="0">0</option>
                  </select>
                )}
              </Field>
            )}
            {fields.includes('level') && (
              <Field label="Level">
                {(id) => (
                  <select
                    id={id}
                    value={draft.level}
                    onChange={(e) => change({ level: e.target.value })}
                  >
                    <option value="restricted">restricted</option>
                    <option value="baseline">baseline</option>
                  </select>
                )}
              </Field>
            )}
            {fields.includes('check') && (
              <Field label="Check">
                {(id) => (
                  <select
                    id={id}
                    value={draft.check}
                    onChange={(e) => change({ check: e.target.value })}
                  >
                    {CHECK_IDS.map((id) => (
                      <option key={id} value={id}>
                        {PSS_CHECK_INFO[id].control} ({PSS_CHECK_INFO[id].level})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {fields.includes('version') && (
              <Field label="Policy version">
                {(id) => (
                  <select
                    id={id}
                    value={draft.version}
                    onChange={(e) => change({ version: e.target.value })}
                  >
                    {POLICY_VERSIONS.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {fields.includes('bound') && (
              <Field label="Kind">
                {(id) => (
                  <select
                    id={id}
                    value={draft.bound}
                    onChange={(e) => change({ bound: e.target.value })}
                  >
                    <option value="limits">limit</option>
                    <option value="requests">request</option>
                  </select>
                )}
              </Field>
            )}
            {fields.includes('resource') && (
              <Field label="Resource">
                {(id) => (
                  <select
                    id={id}
                    value={draft.resource}
                    onChange={(e) => change({ resource: e.target.value })}
                  >
                    <option value="memory">memory</option>
                    <option value="cpu">cpu</option>
                  </select>
                )}
              </Field>
            )}
          </div>
          <button type="button" onClick={add} disabled={conditions.length >= MAX_GOAL_CONDITIONS}>
            Add condition
          </button>
          <p className={styles.error} role="alert">
            {formError}
          </p>
        </fieldset>
        <h2 className={styles.subheading}>Goal</h2>
        {conditions.length === 0 ? (
          <p className={styles.muted}>No condition yet. A challenge needs at least one.</p>
        ) : (
          <ul className={styles.goalList} data-testid="challenge-goal">
            {conditions.map((condition, i) => (
              <li key={i}>
                <span>
                  {describeGoalCondition(condition)}
                  <span className={styles.now}>
                    On this manifest:{' '}
                    {results?.[i]
                      ? `${results[i].met ? 'met' : 'not met'} (${results[i].actual})`
                      : 'checking…'}
                  </span>
                </span>
                <button
                  type="button"
                  onClick={() => {
                    setConditions((list) => list.filter((_, j) => j !== i))
                    setLink(null)
                  }}
                  aria-label={`Remove: ${describeGoalCondition(condition)}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className={styles.primary}
          disabled={!canCreate}
          onClick={() => void create()}
        >
          Create challenge link
        </button>
        {!canCreate && (
          <p className={styles.muted}>Give the challenge a title and at least one condition.</p>
        )}
        {link && (
          <div className={styles.result} role="status">
            {link.tooLong ? (
              <p>
                This challenge makes a link too long for a browser address bar: shorten the
                manifest.
              </p>
            ) : (
              <>
                <Field label="Challenge link">
                  {(id) => (
                    <input
                      id={id}
                      className={styles.mono}
                      readOnly
                      value={link.url}
                      onFocus={(e) => e.currentTarget.select()}
                      data-testid="challenge-link"
                    />
                  )}
                </Field>
                <p>
                  <a href={link.url}>Try it yourself</a>
                </p>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
