import { useEffect, useState } from 'react'
import { readLink, type Challenge } from '../../share/share-links.ts'
import type { Decoded } from '../../share/link-codec.ts'
import { GoalWorkspace } from './GoalWorkspace.tsx'
import styles from './ChallengeBuilder.module.css'

/** `#/challenge/<version>/<data>`: the teacher's manifest and goal, checked as the learner edits. */
export function ChallengeView({ link }: { link: string }) {
  const [read, setRead] = useState<Decoded<Challenge> | null>(null)
  const [text, setText] = useState('')
  useEffect(() => {
    let current = true
    void readLink('challenge', link).then((result) => {
      if (!current) return
      setRead(result)
      if (result.ok) setText(result.value.source)
    })
    return () => {
      current = false
    }
  }, [link])

  if (!read) return <p role="status">Opening the challenge…</p>
  if (!read.ok) {
    return (
      <div className={styles.refused} role="alert" data-testid="challenge-refused">
        <p>{read.error}</p>
        <p>
          <a href="#/learn">Go to the lessons</a> or <a href="#/">open the playground</a>.
        </p>
      </div>
    )
  }
  const challenge = read.value
  return (
    <GoalWorkspace
      title={challenge.title || 'Untitled challenge'}
      intro={challenge.message ? <p className={styles.message}>{challenge.message}</p> : undefined}
      goal="Edit the manifest until every condition below is met."
      text={text}
      onTextChange={setText}
      start={challenge.source}
      options={challenge.options}
      conditions={challenge.goals.conditions}
      success={
        <p>
          <strong>Solved.</strong> Every condition your teacher set is met.
        </p>
      }
    />
  )
}
