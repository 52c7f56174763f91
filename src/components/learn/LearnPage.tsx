import { useCallback, useEffect, useRef, useState } from 'react'
import { DEFAULT_OPTIONS, resolveOptions } from '../../core/index.ts'
import { lessonHref } from '../../lib/route.ts'
import { findLesson, LESSONS, type Lesson } from '../../learn/lessons.ts'
import { loadProgress, saveProgress, type Progress } from '../../learn/progress.ts'
import { GoalWorkspace } from './GoalWorkspace.tsx'
import styles from './LearnPage.module.css'

const IDS = LESSONS.map((l) => l.id)

function LessonView({
  lesson,
  progress,
  onProgress,
}: {
  lesson: Lesson
  progress: Progress
  onProgress: (update: (p: Progress) => Progress) => void
}) {
  const text = progress.drafts[lesson.id] ?? lesson.start
  const options = resolveOptions({ ...DEFAULT_OPTIONS, ...lesson.options })
  const next = LESSONS[LESSONS.indexOf(lesson) + 1]
  const id = lesson.id
  // A lesson counts as done once its goal is met; it stays done if the text changes later.
  const markDone = useCallback(
    () =>
      onProgress((p) =>
        p.done.includes(id)
          ? p
          : { ...p, done: IDS.filter((other) => other === id || p.done.includes(other)) },
      ),
    [id, onProgress],
  )
  return (
    <GoalWorkspace
      title={lesson.title}
      intro={<p>{lesson.intro}</p>}
      goal={lesson.goal}
      text={text}
      onTextChange={(t) => onProgress((p) => ({ ...p, drafts: { ...p.drafts, [id]: t } }))}
      start={lesson.start}
      options={options}
      conditions={lesson.conditions}
      hints={lesson.hints}
      onSolved={markDone}
      success={
        <>
          <p>
            <strong>Done.</strong> {lesson.explanation}
          </p>
          {next ? (
            <p>
              <a href={lessonHref(next.id)}>Next: {next.title} →</a>
            </p>
          ) : (
            <p>That was the last lesson. Try a challenge, or harden a manifest of your own.</p>
          )}
        </>
      }
    />
  )
}

/** `#/learn`: the lesson path beside the lesson being worked on. */
export function LearnPage({ lessonId }: { lessonId: string | null }) {
  const [progress, setProgress] = useState(() => loadProgress(IDS))
  const lesson = (lessonId && findLesson(lessonId)) || LESSONS[0]!
  // On narrow screens the path is a scrolling strip: bring the open lesson into view.
  const currentLink = useRef<HTMLAnchorElement>(null)
  useEffect(() => {
    currentLink.current?.scrollIntoView?.({ block: 'nearest', inline: 'center' })
  }, [lesson.id])
  const update = useCallback((change: (p: Progress) => Progress) => {
    setProgress((p) => {
      const next = change(p)
      if (next !== p) saveProgress(next)
      return next
    })
  }, [])

  return (
    <div className={styles.layout}>
      <nav className={styles.path} aria-label="Lessons">
        <p className={styles.count} data-testid="lesson-count">
          {progress.done.length} of {LESSONS.length} done
        </p>
        <ol>
          {LESSONS.map((l, i) => {
            const done = progress.done.includes(l.id)
            return (
              <li key={l.id}>
                <a
                  ref={l.id === lesson.id ? currentLink : undefined}
                  href={lessonHref(l.id)}
                  aria-current={l.id === lesson.id ? 'page' : undefined}
                  className={styles.lessonLink}
                >
                  <span className={styles.badge} data-done={done} aria-hidden="true">
                    {done ? '✓' : i + 1}
                  </span>
                  <span>
                    {l.title}
                    {done && <span className={styles.visuallyHidden}> (done)</span>}
                  </span>
                </a>
              </li>
            )
          })}
        </ol>
      </nav>
      <div className={styles.main} data-testid="lesson">
        <LessonView key={lesson.id} lesson={lesson} progress={progress} onProgress={update} />
      </div>
    </div>
  )
}
