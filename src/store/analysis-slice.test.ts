import { describe, expect, it } from 'vitest'
import { analyze, type Analysis, type AnalysisOptions } from '../core/index.ts'
import type { Analyser } from './analysis-slice.ts'
import { createMemoryStorage, createPlaygroundStore, type PlaygroundState } from './store.ts'

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, image: x}]\n'

/** An analyser that answers only when the test says so, like a busy worker. */
function deferredAnalyser() {
  const calls: { source: string; answer: () => void; fail: (e: Error) => void }[] = []
  const analyser: Analyser = (source: string, options: AnalysisOptions) =>
    new Promise<Analysis>((resolve, reject) => {
      calls.push({
        source,
        answer: () => resolve(analyze(source, options, { fixes: true })),
        fail: reject,
      })
    })
  return { analyser, calls }
}

const settle = () => new Promise((resolve) => setTimeout(resolve))

function apeFix(state: PlaygroundState) {
  return state.analysis.workloads[0]?.podSecurity.checks.find(
    (c) => c.id === 'allowPrivilegeEscalation',
  )?.fix
}

async function started() {
  const { analyser, calls } = deferredAnalyser()
  const store = createPlaygroundStore(createMemoryStorage(), analyser)
  calls[0]?.answer()
  await settle()
  return { store, calls }
}

describe('analysis from an asynchronous analyser', () => {
  it('keeps the previous analysis while the next one is on its way', async () => {
    const { store, calls } = await started()
    const first = store.getState().analysis
    expect(store.getState().status).toBe('fresh')

    store.getState().setSource(POD)
    expect(store.getState()).toMatchObject({ source: POD, status: 'updating', analysis: first })

    calls[1]?.answer()
    await settle()
    expect(store.getState().status).toBe('fresh')
    expect(store.getState().analysedSource).toBe(POD)
    expect(store.getState().analysis).toEqual(
      analyze(POD, store.getState().options, { fixes: true }),
    )
  })

  it('drops an answer that arrives after a newer request, whatever the order', async () => {
    const { store, calls } = await started()
    store.getState().setSource(POD)
    store.getState().setSource(`${POD}# newer\n`)
    calls[1]?.answer()
    await settle()
    expect(store.getState().status).toBe('updating')
    expect(store.getState().analysedSource).not.toBe(POD)

    calls[2]?.answer()
    await settle()
    expect(store.getState().analysedSource).toBe(`${POD}# newer\n`)
    expect(store.getState().status).toBe('fresh')
  })

  it('a Fix clicked while updating waits for the analysis of that text, then applies', async () => {
    const { store, calls } = await started()
    store.getState().setSource(POD)
    calls[1]?.answer()
    await settle()
    const shown = apeFix(store.getState())
    // A keystroke the worker has not analysed yet: the fix shown was computed for older text.
    store.getState().setSource(`# typed\n${POD}`)
    store.getState().applyFix(shown?.id ?? '', shown?.title ?? '')
    expect(store.getState().source).toBe(`# typed\n${POD}`)

    calls[2]?.answer()
    await settle()
    // Offered again for the new text (same container, same title): applied to the new text.
    const fixed = store.getState().source
    expect(fixed).toMatch(/^# typed\n/)
    expect(fixed).toContain('allowPrivilegeEscalation: false')
    expect(store.getState().pendingFix).toBeNull()
    expect(calls.at(-1)?.source).toBe(fixed)
  })

  it('a waiting Fix is dropped when the text changes again before the analysis arrives', async () => {
    const { store, calls } = await started()
    store.getState().setSource(POD)
    calls[1]?.answer()
    await settle()
    const shown = apeFix(store.getState())
    store.getState().setSource(`# typed\n${POD}`)
    store.getState().applyFix(shown?.id ?? '', shown?.title ?? '')
    store.getState().setSource(`# typed twice\n${POD}`)
    calls.at(-1)?.answer()
    await settle()
    expect(store.getState().source).toBe(`# typed twice\n${POD}`)
    expect(store.getState().pendingFix).toBeNull()
  })

  it('says so in the panel when the analyser fails, and keeps the text', async () => {
    const { store, calls } = await started()
    store.getState().setSource(POD)
    calls[1]?.fail(new Error('worker stopped'))
    await settle()
    const { analysis, source, status } = store.getState()
    expect(source).toBe(POD)
    expect(status).toBe('fresh')
    expect(analysis.diagnostics[0]?.code).toBe('internal-error')
    expect(analysis.diagnostics[0]?.message).toContain('worker stopped')
  })
})
