import type { Analyser } from './analysis-slice.ts'
import { describe, expect, it } from 'vitest'
import { analyze, fixAll } from '../core/index.ts'
import { createMemoryStorage, createPlaygroundStore } from './store.ts'

/** The app's worker asks the core for fixes too; so does this stand-in. */
const analyseWithFixes: Analyser = (source, options) => analyze(source, options, { fixes: true })

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    securityContext: {privileged: true}\n'

describe('fix-all slice', () => {
  it('opens and closes a preview', () => {
    const store = createPlaygroundStore(createMemoryStorage(), analyseWithFixes)
    store.getState().openFixAll({ level: 'restricted', workload: 0 })
    expect(store.getState().fixAllRequest).toEqual({ level: 'restricted', workload: 0 })
    store.getState().closeFixAll()
    expect(store.getState().fixAllRequest).toBeNull()
  })

  it('applies the previewed text in one update, and only over the text it was made from', () => {
    const store = createPlaygroundStore(createMemoryStorage(), analyseWithFixes)
    store.getState().setSource(POD)
    const { text } = fixAll(POD, 'baseline')
    expect(store.getState().applyFixAll(POD + '# other\n', text)).toBe(false)
    expect(store.getState().source).toBe(POD)
    store.getState().openFixAll({ level: 'baseline' })
    expect(store.getState().applyFixAll(POD, text)).toBe(true)
    const state = store.getState()
    expect(state.source).toBe(text)
    expect(state.analysis.workloads[0]?.podSecurity.level).not.toBe('privileged')
    expect(state.fixAllRequest).toBeNull()
    // The caret goes to where the change starts.
    expect(state.revealRequest?.range[0]).toBe(POD.indexOf('true'))
  })
})
