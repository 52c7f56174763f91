import { LEARN_HREF, NEW_CHALLENGE_HREF, type TeachRoute } from '../../lib/route.ts'
import { ThemeToggle } from '../ThemeToggle.tsx'
import { ChallengeBuilder } from './ChallengeBuilder.tsx'
import { ChallengeView } from './ChallengeView.tsx'
import { LearnPage } from './LearnPage.tsx'
import styles from './TeachPage.module.css'

type Props = { route: Exclude<TeachRoute, { view: 'share' }> }

/** Lessons, the challenge builder and challenges, under one header. */
export default function TeachPage({ route }: Props) {
  const current = (view: Props['route']['view']) => (route.view === view ? 'page' : undefined)
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <p className={styles.brand}>
          <a href="#/">Security Context Playground</a>
        </p>
        <nav className={styles.nav} aria-label="Sections">
          <a href={LEARN_HREF} aria-current={current('learn')}>
            Lessons
          </a>
          <a href={NEW_CHALLENGE_HREF} aria-current={current('challenge-new')}>
            Make a challenge
          </a>
          <a href="#/">Playground</a>
          <ThemeToggle />
        </nav>
      </header>
      <main className={styles.main}>
        <h1 className={styles.heading}>
          {route.view === 'learn'
            ? 'Learn to harden a pod'
            : route.view === 'challenge-new'
              ? 'Make a challenge'
              : 'Challenge'}
        </h1>
        {route.view === 'learn' && <LearnPage lessonId={route.lesson} />}
        {route.view === 'challenge-new' && <ChallengeBuilder />}
        {route.view === 'challenge' && <ChallengeView key={route.link} link={route.link} />}
      </main>
    </div>
  )
}
