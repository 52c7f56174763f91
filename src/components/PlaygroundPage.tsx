import { useRef, useState } from 'react'
import { capsHref } from '../lib/route.ts'
import { AnalysisPanel } from './AnalysisPanel.tsx'
import { AnalysisStatus } from './AnalysisStatus.tsx'
import { AssumptionsBar } from './AssumptionsBar.tsx'
import { EditorPane } from './EditorPane.tsx'
import { ExamplesGallery } from './ExamplesGallery.tsx'
import { ThemeToggle } from './ThemeToggle.tsx'
import { HeaderActions } from './share/HeaderActions.tsx'
import { LinkNotice } from './share/LinkNotice.tsx'
import styles from './PlaygroundPage.module.css'

/** The playground: header, assumptions, and the editor beside the live analysis panel. */
export function PlaygroundPage() {
  const [examplesOpen, setExamplesOpen] = useState(false)
  const examplesButton = useRef<HTMLButtonElement>(null)
  return (
    <div className={styles.page}>
      <a
        href="#analysis"
        className={styles.skip}
        onClick={(e) => {
          // Focus without touching the URL hash, which the router reads.
          e.preventDefault()
          document.getElementById('analysis')?.focus()
        }}
      >
        Skip to the analysis
      </a>
      <header className={styles.header}>
        <h1 className={styles.title}>Security Context Playground</h1>
        <p className={styles.tagline}>Runs in your browser; nothing is sent anywhere.</p>
        <nav className={styles.nav}>
          <button
            ref={examplesButton}
            type="button"
            aria-expanded={examplesOpen}
            aria-controls="examples"
            onClick={() => setExamplesOpen((open) => !open)}
          >
            Examples
          </button>
          <HeaderActions />
          <a href={capsHref('')}>Capability decoder</a>
          <ThemeToggle />
        </nav>
      </header>
      <AssumptionsBar />
      <LinkNotice />
      {examplesOpen && (
        <div id="examples">
          <ExamplesGallery
            onDone={() => setExamplesOpen(false)}
            onCancel={() => {
              setExamplesOpen(false)
              examplesButton.current?.focus()
            }}
          />
        </div>
      )}
      <main className={styles.main}>
        <EditorPane />
        <section
          id="analysis"
          tabIndex={-1}
          className={styles.panel}
          aria-labelledby="analysis-heading"
        >
          {/* Workload cards use h3: this keeps the outline h1 > h2 > h3 for screen readers. */}
          <h2 id="analysis-heading" className={styles.visuallyHidden}>
            Analysis
          </h2>
          <AnalysisStatus />
          <AnalysisPanel />
        </section>
      </main>
    </div>
  )
}
