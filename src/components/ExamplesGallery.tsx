import { useEffect, useId, useRef, useState } from 'react'
import { PSS_LEVELS, type PssLevel } from '../core/index.ts'
import { fetchExample } from '../lib/examples.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { Chip } from './Chip.tsx'
import styles from './ExamplesGallery.module.css'

/**
 * One entry of `public/examples/index.json`. `level` is what the analysis gives the whole file at
 * `latest` (its least secure workload); src/core/examples.test.ts fails if it ever is not.
 */
export interface ExampleEntry {
  title: string
  file: string
  topic: string
  level: PssLevel
  description: string
}

const LEVELS: readonly string[] = PSS_LEVELS

function isEntry(value: unknown): value is ExampleEntry {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.title === 'string' &&
    typeof v.file === 'string' &&
    /^[a-z0-9-]+\.yaml$/.test(v.file) &&
    typeof v.topic === 'string' &&
    typeof v.level === 'string' &&
    LEVELS.includes(v.level) &&
    typeof v.description === 'string'
  )
}

/** Entries grouped by topic, topics in the order index.json first names them. */
function byTopic(entries: readonly ExampleEntry[]): Array<[string, ExampleEntry[]]> {
  const groups = new Map<string, ExampleEntry[]>()
  for (const entry of entries) groups.set(entry.topic, [...(groups.get(entry.topic) ?? []), entry])
  return [...groups]
}

async function fetchIndex(): Promise<ExampleEntry[]> {
  const data: unknown = JSON.parse(await fetchExample('index.json'))
  return Array.isArray(data) ? data.filter(isEntry) : []
}

type IndexState =
  { status: 'loading' } | { status: 'ready'; entries: ExampleEntry[] } | { status: 'failed' }

/**
 * Starter manifests grouped by topic, each with the Pod Security level it reaches; one click
 * replaces the editor text with the chosen one.
 */
export function ExamplesGallery({
  onDone,
  onCancel,
}: {
  onDone: () => void
  onCancel: () => void
}) {
  const [index, setIndex] = useState<IndexState>({ status: 'loading' })
  const [error, setError] = useState<string | null>(null)
  const current = usePlaygroundStore((s) => s.example)
  const loadExample = usePlaygroundStore((s) => s.loadExample)
  const revealRange = usePlaygroundStore((s) => s.revealRange)
  const list = useRef<HTMLDivElement>(null)
  const id = useId()

  // Opening the gallery moves keyboard focus into it, to the first example.
  useEffect(() => {
    if (index.status === 'ready') list.current?.querySelector('button')?.focus()
  }, [index.status])

  useEffect(() => {
    let live = true
    fetchIndex().then(
      (entries) => live && setIndex({ status: 'ready', entries }),
      () => live && setIndex({ status: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [])

  const open = async (entry: ExampleEntry) => {
    try {
      loadExample(entry.file, await fetchExample(entry.file))
      setError(null)
      onDone()
      // Hand focus to the editor, at the top of the example just loaded.
      revealRange([0, 0])
    } catch {
      setError(`Could not load ${entry.file}.`)
    }
  }

  return (
    <section
      className={styles.gallery}
      aria-label="Examples"
      data-testid="examples.gallery"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
      }}
    >
      {index.status === 'loading' && <p>Loading examples…</p>}
      {index.status === 'failed' && <p role="alert">The example list could not be loaded.</p>}
      {error && <p role="alert">{error}</p>}
      {index.status === 'ready' && (
        <p className={styles.legend}>
          Each badge is the highest Pod Security Standards level the example meets (latest).
        </p>
      )}
      {index.status === 'ready' && (
        <div className={styles.topics} ref={list}>
          {byTopic(index.entries).map(([topic, entries], i) => (
            <section key={topic} className={styles.topic} aria-labelledby={`${id}-${i}`}>
              <h2 id={`${id}-${i}`} className={styles.topicTitle}>
                {topic}
              </h2>
              <ul className={styles.list}>
                {entries.map((e) => (
                  <li key={e.file}>
                    <button
                      type="button"
                      className={styles.item}
                      aria-current={current === e.file ? 'true' : undefined}
                      data-file={e.file}
                      data-level={e.level}
                      onClick={() => void open(e)}
                    >
                      <span className={styles.itemHead}>
                        <strong>{e.title}</strong>
                        <Chip tone={e.level} title="Highest Pod Security level it meets">
                          {e.level}
                        </Chip>
                      </span>
                      <span className={styles.description}>{e.description}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  )
}
