import { describe, expect, it } from 'vitest'
import { simulateAdmission } from './admission/simulate.ts'
import { analyze } from './analyze.ts'
import { emptyAnalysis } from './empty-analysis.ts'
import { DEFAULT_OPTIONS } from './options.ts'

describe('emptyAnalysis', () => {
  it('holds the admission summary the simulation gives for no workload', () => {
    expect(emptyAnalysis(DEFAULT_OPTIONS).admission).toEqual(simulateAdmission([], [], {}).summary)
  })

  it('is what analysing an empty text gives', () => {
    expect(analyze('', DEFAULT_OPTIONS)).toEqual(emptyAnalysis(DEFAULT_OPTIONS))
  })
})
