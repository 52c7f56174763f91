import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkPodAtLevel } from '../pss/evaluate.ts'
import { POLICY_VERSIONS } from '../pss/version.ts'
import { extractWorkloads } from '../workloads/extract-workloads.ts'
import { parseDocuments } from '../yaml/parse-documents.ts'
import { podEvaluator } from './evaluator.ts'
import { withPodDefaults } from './pod-defaults.ts'

const CORPUS = new URL('../testdata/corpus/', import.meta.url)

describe('podEvaluator', () => {
  it('answers exactly as checkPodAtLevel at every level and version, on the real-world corpus', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'))
    let compared = 0
    for (const file of files) {
      const { documents } = parseDocuments(readFileSync(new URL(file, CORPUS), 'utf8'))
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
