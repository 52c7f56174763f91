import { useEffect, useRef, useState } from 'react'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './ExamplesGallery.module.css'

/** One entry of `public/examples/index.json`. */
export interface ExampleEntry {
  title: string
  file: string
  description: string
}

function isEntry(value: unknown): value is ExampleEntry {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.title === 'string' &&
    typeof v.file === 'string' &&
    /^[a-z0-9-]+\.yaml$/.test(v.file) &&
    typeof v.description === 'string'
  )
}

// The examples are the app's own static files, fetched from the same origin only when the
// gallery opens, so they cost nothing at first paint and work offline once the app is served.
const EXAMPLES_URL = './examples/'

async function fetchIndex(): Promise<ExampleEntry[]> {
  const response = await fetch(`${EXAMPLES_URL}index.json`)
  if (!response.ok) throw new Error(`examples index: HTTP ${response.status}`)
  const data: unknown = await response.json()
  return Array.isArray(data) ? data.filter(isEntry) : []
}

type IndexState =
  { status: 'loading' } | { status: 'ready'; entries: ExampleEntry[] } | { status: 'failed' }

/** A list of starter manifests; one click replaces the editor text with the chosen one. */
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
  const list = useRef<HTMLUListElement>(null)

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
      const response = await fetch(EXAMPLES_URL + entry.file)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      loadExample(entry.file, await response.text())
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
        <ul className={styles.list} ref={list}>
          {index.entries.map((e) => (
            <li key={e.file}>
              <button
                type="button"
                className={styles.item}
                aria-current={current === e.file ? 'true' : undefined}
                data-file={e.file}
                onClick={() => void open(e)}
              >
                <strong>{e.title}</strong>
                <span>{e.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
