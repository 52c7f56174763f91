import { describe, expect, it } from 'vitest'
import { analyze, evaluateGoals, readGoalSet } from '../core/index.ts'
import { LESSONS } from './lessons.ts'

describe('lessons', () => {
  it('has about ten lessons with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10)
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length)
  })

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('states its goal in the goal vocabulary', () => {
        expect(readGoalSet({ version: 1, conditions: lesson.conditions })).toMatchObject({
          ok: true,
        })
      })

      it('starts unmet', () => {
        const results = evaluateGoals(lesson.start, lesson.options, lesson.conditions)
        expect(results.some((r) => !r.met)).toBe(true)
      })

      it('is met by its reference solution', () => {
        const results = evaluateGoals(lesson.solution, lesson.options, lesson.conditions)
        expect(results.filter((r) => !r.met)).toEqual([])
      })
    })
  }

  // The values the lessons' intros talk about are what the core computes for their start.
  const startCaps = (id: string) => {
    const lesson = LESSONS.find((l) => l.id === id)!
    return analyze(lesson.start, lesson.options).workloads[0]!.containers[0]!.capabilities
  }

  it('shows containerd’s default a80425fb for the plain root container', () => {
    expect(startCaps('capabilities').CapEff).toBe('00000000a80425fb')
  })

  it('shows 3fffffffff for a privileged container on a 5.4 kernel', () => {
    expect(startCaps('privileged').CapEff).toBe('0000003fffffffff')
  })

  it('starts the “best practice” Deployment at baseline, with lowercase "all" emptying CapBnd', () => {
    const lesson = LESSONS.find((l) => l.id === 'best-practice-deployment')!
    const workload = analyze(lesson.start).workloads[0]!
    expect(workload.podSecurity.level).toBe('baseline')
    expect(workload.containers[0]!.capabilities.CapBnd).toBe('0000000000000000')
  })
})
