import { describe, expect, it } from 'vitest'
import { checkPodAtLevel } from '../pss/evaluate.ts'
import { POLICY_VERSIONS } from '../pss/version.ts'
import { extractWorkloads } from '../workloads/extract-workloads.ts'
import { parseDocuments } from '../yaml/parse-documents.ts'
import { podEvaluator } from './evaluator.ts'
import { withPodDefaults } from './pod-defaults.ts'

const corpus = import.meta.glob<string>('../testdata/corpus/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

describe('podEvaluator', () => {
  it('answers exactly as checkPodAtLevel at every level and version, on the real-world corpus', () => {
    let compared = 0
    for (const text of Object.values(corpus)) {
      const { documents } = parseDocuments(text)
      for (const { pod } of extractWorkloads(documents).workloads) {
        for (const subject of [pod, withPodDefaults(pod)]) {
          const evaluate = podEvaluator(subject)
          for (const level of ['privileged', 'baseline', 'restricted'] as const) {
            for (const version of POLICY_VERSIONS) {
              expect(evaluate({ level, version })).toEqual(checkPodAtLevel(subject, level, version))
              compared++
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })
})
