import { memo } from 'react'
import type { AnalysisOptions, ContainerAnalysis } from '../core/index.ts'
import { AssumptionLink } from './AssumptionLink.tsx'
import { containerFacts } from './container-facts.ts'
import styles from './ContainerFacts.module.css'

interface Props {
  container: ContainerAnalysis
  runtime: AnalysisOptions['runtime']
}

/** One line of plain facts about what the container runs with, each with its source. */
export const ContainerFacts = memo(function ContainerFacts({ container, runtime }: Props) {
  const facts = containerFacts(container, runtime)
  return (
    <ul className={styles.facts} aria-label="At a glance" data-testid="container.facts">
      {facts.map((fact) => (
        <li
          key={fact.topic}
          className={fact.risk ? styles.risk : styles.fact}
          data-topic={fact.topic}
          data-risk={fact.risk}
        >
          {fact.risk ? <strong>{fact.text}</strong> : fact.text}{' '}
          {fact.assumption ? (
            <AssumptionLink assumption={fact.assumption} />
          ) : (
            <span className={styles.source}>({fact.source})</span>
          )}
        </li>
      ))}
    </ul>
  )
})
