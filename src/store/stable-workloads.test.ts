import { describe, expect, it } from 'vitest'
import { analyze } from '../core/index.ts'
import { rememberFingerprints, shareUnchanged, workloadKeys } from './stable-workloads.ts'

/** A pod whose one container is privileged or not. */
const pod = (name: string, privileged: boolean) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - {name: c, image: i, securityContext: {privileged: ${privileged}}}\n`

describe('stable workloads', () => {
  it('keys workloads by kind, namespace and name, counting repeats', () => {
    const { workloads } = analyze(`${pod('a', false)}---\n${pod('a', true)}---\n${pod('b', false)}`)
    expect(workloadKeys(workloads)).toEqual(['Pod//a#0', 'Pod//a#1', 'Pod//b#0'])
  })

  it('keeps the previous object of every workload whose content did not change', () => {
    const before = analyze(`${pod('a', false)}---\n${pod('b', false)}`).workloads
    const after = analyze(`${pod('a', false)}---\n${pod('b', true)}`).workloads
    const shared = shareUnchanged(before, after)
    expect(shared[0]).toBe(before[0])
    expect(shared[1]).toBe(after[1])
  })

  it('compares by the fingerprints the worker sent when there are some', () => {
    const before = analyze(pod('a', false)).workloads
    const after = analyze(pod('a', true)).workloads
    // Different content, told to be the same: the fingerprints decide, the JSON is not read.
    rememberFingerprints(before, ['same'])
    rememberFingerprints(after, ['same'])
    expect(shareUnchanged(before, after)[0]).toBe(before[0])
  })
})
