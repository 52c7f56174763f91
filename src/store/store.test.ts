import type { Analyser } from './analysis-slice.ts'
import { beforeEach, describe, expect, it } from 'vitest'
import type { StateStorage } from 'zustand/middleware'
import type { StoreApi } from 'zustand/vanilla'
import { analyze, DEFAULT_OPTIONS } from '../core/index.ts'
import { PERSIST_KEY, PERSIST_VERSION } from './persisted-state.ts'
import { STARTER_SOURCE } from './document-slice.ts'
import { createShownAnalysisSelector, hasYamlError } from './last-good.ts'
import { createMemoryStorage, createPlaygroundStore, type PlaygroundState } from './store.ts'

/** The app's worker asks the core for fixes too; so does this stand-in. */
const analyseWithFixes: Analyser = (source, options) => analyze(source, options, { fixes: true })

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, image: x}]\n'

let storage: StateStorage
let store: StoreApi<PlaygroundState>

function saved(): unknown {
  const raw = storage.getItem(PERSIST_KEY)
  return typeof raw === 'string' ? JSON.parse(raw) : null
}

/** A fresh store reading what an earlier session left in storage. */
function reopen(): StoreApi<PlaygroundState> {
  return createPlaygroundStore(storage, analyseWithFixes)
}

beforeEach(() => {
  storage = createMemoryStorage()
  store = createPlaygroundStore(storage, analyseWithFixes)
})

describe('document slice', () => {
  it('starts with the starter manifest and its analysis', () => {
    const s = store.getState()
    expect(s.source).toBe(STARTER_SOURCE)
    expect(s.analysis).toEqual(analyze(STARTER_SOURCE, DEFAULT_OPTIONS, { fixes: true }))
  })

  it('setSource stores the text and its analysis in one update', () => {
    const seen: PlaygroundState[] = []
    store.subscribe((s) => seen.push(s))
    store.getState().setSource(POD)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.source).toBe(POD)
    expect(seen[0]?.analysis).toEqual(analyze(POD, seen[0]?.options, { fixes: true }))
  })

  it('loadExample remembers the file until the text is edited', () => {
    store.getState().loadExample('privileged.yaml', POD)
    expect(store.getState().example).toBe('privileged.yaml')
    store.getState().setSource(POD)
    expect(store.getState().example).toBe('privileged.yaml')
    store.getState().setSource(POD + '# edited\n')
    expect(store.getState().example).toBeNull()
  })

  it('applyFix edits the current text by fix id and re-analyses it', () => {
    store.getState().setSource(POD)
    const check = (s: PlaygroundState) =>
      s.analysis.workloads[0]?.podSecurity.checks.find((c) => c.id === 'allowPrivilegeEscalation')
    const fix = check(store.getState())?.fix
    expect(fix).toBeDefined()
    store.getState().applyFix(fix?.id ?? '', fix?.title ?? '')
    const after = store.getState()
    expect(after.source).toContain('allowPrivilegeEscalation: false')
    expect(check(after)?.allowed).toBe(true)
    expect(after.analysis).toEqual(analyze(after.source, after.options, { fixes: true }))
  })

  it('applyFix ignores a fix the current analysis no longer offers', () => {
    store.getState().setSource(POD)
    const before = store.getState()
    before.applyFix('no-such-fix@0', 'Do nothing')
    expect(store.getState()).toBe(before)
  })

  it('applyFix fixes the text as it is now, even one the panel has not shown yet', () => {
    const apeFix = (state: PlaygroundState) =>
      state.analysis.workloads[0]?.podSecurity.checks.find(
        (c) => c.id === 'allowPrivilegeEscalation',
      )?.fix
    const shown = apeFix(store.getState())
    // The same container, with a line typed above it that the panel has not seen yet.
    const waiting = `# typed, not yet analysed\n${STARTER_SOURCE}`
    store.getState().setSource(waiting)
    store.getState().applyFix(shown?.id ?? '', shown?.title ?? '')
    expect(store.getState().source).toMatch(/^# typed, not yet analysed\n/)
    expect(store.getState().source).toContain('allowPrivilegeEscalation: false')

    // New text where the shown fix no longer applies as shown: kept, unchanged.
    store.getState().setSource(STARTER_SOURCE)
    const stale = apeFix(store.getState())
    store.getState().setSource(POD)
    store
      .getState()
      .applyFix(stale?.id ?? '', 'Set allowPrivilegeEscalation: false on container "app"')
    expect(store.getState().source).toBe(POD)
  })
})

describe('assumptions slice', () => {
  it('each setter re-analyses the current source with the new option', () => {
    store.getState().setSource(POD)
    store.getState().setAssumption('runtime', 'cri-o')
    store.getState().setAssumption('kernel', '5.4')
    const s = store.getState()
    expect(s.options).toEqual({ ...DEFAULT_OPTIONS, runtime: 'cri-o', kernel: '5.4' })
    expect(s.analysis.options.runtime).toBe('cri-o')
    expect(s.analysis).toEqual(analyze(POD, s.options, { fixes: true }))
  })

  it('resetAssumptions goes back to the core defaults', () => {
    store.getState().setAssumption('imageUser', 1000)
    store.getState().resetAssumptions()
    expect(store.getState().options).toEqual(DEFAULT_OPTIONS)
    expect(store.getState().analysis.options.imageUser).toBe(DEFAULT_OPTIONS.imageUser)
  })
})

describe('ui slice', () => {
  it('every reveal gets a new sequence number, even for the same range', () => {
    store.getState().revealRange([3, 9])
    store.getState().revealRange([3, 9])
    expect(store.getState().revealRequest).toEqual({ range: [3, 9], seq: 2 })
  })

  it('selecting a container also reveals it', () => {
    store.getState().selectContainer({ workload: 0, container: 'app' }, [10, 20])
    expect(store.getState().selectedContainer).toEqual({ workload: 0, container: 'app' })
    expect(store.getState().revealRequest?.range).toEqual([10, 20])
  })
})

describe('the last analysis of readable YAML', () => {
  it('stays on show, flagged stale, while the text has a syntax error', () => {
    const selectShownAnalysis = createShownAnalysisSelector()
    store.getState().setSource(POD)
    const good = store.getState().analysis
    const fresh = selectShownAnalysis(store.getState())
    expect(fresh).toEqual({ analysis: good, stale: false })
    expect(selectShownAnalysis(store.getState())).toBe(fresh)
    store.getState().setSource(POD.replace('containers:', 'containers: [').concat('\n'))
    expect(hasYamlError(store.getState().analysis)).toBe(true)
    expect(selectShownAnalysis(store.getState())).toEqual({ analysis: good, stale: true })
    store.getState().setSource(POD)
    expect(selectShownAnalysis(store.getState()).stale).toBe(false)
  })

  it('keeps the objects of workloads an edit did not change, for memoised cards', () => {
    const selectShownAnalysis = createShownAnalysisSelector()
    const second = POD.replace('name: a', 'name: b')
    store.getState().setSource(`${POD}---\n${second}`)
    const before = selectShownAnalysis(store.getState()).analysis.workloads
    store.getState().setSource(`${POD}---\n${second.replace('name: c', 'name: d')}`)
    const after = selectShownAnalysis(store.getState()).analysis.workloads
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
  })

  it('is not used when the last readable text had no workload', () => {
    const selectShownAnalysis = createShownAnalysisSelector()
    store.getState().setSource('')
    expect(selectShownAnalysis(store.getState()).stale).toBe(false)
    store.getState().setSource('kind: [')
    expect(selectShownAnalysis(store.getState()).stale).toBe(false)
  })
})

describe('persistence', () => {
  it('saves only the text, the assumptions and the preferences, with a version', () => {
    store.getState().setSource(POD)
    store.getState().setAssumption('runtime', 'docker')
    store.getState().setTheme('dark')
    store.getState().setExplainFindings(true)
    store.getState().revealRange([0, 1])
    expect(saved()).toEqual({
      state: {
        source: POD,
        options: { ...DEFAULT_OPTIONS, runtime: 'docker' },
        theme: 'dark',
        explainFindings: true,
      },
      version: PERSIST_VERSION,
    })
    expect(reopen().getState().explainFindings).toBe(true)
  })

  it('reads the image USER root saved as the old default (version 1) as unknown', () => {
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({ state: { source: POD, options: { imageUser: 0 } }, version: 1 }),
    )
    expect(reopen().getState().options.imageUser).toBeNull()
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({ state: { source: POD, options: { imageUser: 0 } }, version: 2 }),
    )
    expect(reopen().getState().options.imageUser).toBe(0)
  })

  it('a new session restores the text and assumptions and re-analyses them', () => {
    store.getState().setSource(POD)
    store.getState().setAssumption('seccompDefault', true)
    const next = reopen().getState()
    expect(next.source).toBe(POD)
    expect(next.options.seccompDefault).toBe(true)
    expect(next.analysis).toEqual(analyze(POD, next.options, { fixes: true }))
    expect(next.revealRequest).toBeNull()
  })

  it('keeps the text when the assumptions in storage have the wrong shape', () => {
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({
        state: {
          source: POD,
          options: { runtime: 'rkt', kernel: 5, kubernetesVersion: 'v2.0', imageUser: -1 },
          theme: 'neon',
        },
        version: PERSIST_VERSION,
      }),
    )
    const next = reopen().getState()
    expect(next.source).toBe(POD)
    expect(next.options).toEqual(DEFAULT_OPTIONS)
    expect(next.theme).toBe('system')
  })

  it('keeps each valid assumption and drops only the invalid ones', () => {
    storage.setItem(
      PERSIST_KEY,
      JSON.stringify({
        state: { options: { runtime: 'cri-o', appArmor: 'yes', imageUser: 'nginx' } },
        version: PERSIST_VERSION,
      }),
    )
    const next = reopen().getState()
    expect(next.source).toBe(STARTER_SOURCE)
    expect(next.options).toEqual({ ...DEFAULT_OPTIONS, runtime: 'cri-o', imageUser: 'nginx' })
  })

  it('reads the text saved by an older version', () => {
    storage.setItem(PERSIST_KEY, JSON.stringify({ state: { source: POD }, version: 0 }))
    expect(reopen().getState().source).toBe(POD)
  })

  it('falls back to the defaults when storage holds something that is not JSON state', () => {
    storage.setItem(PERSIST_KEY, JSON.stringify(['not', 'an', 'object']))
    const next = reopen().getState()
    expect(next.source).toBe(STARTER_SOURCE)
    expect(next.options).toEqual(DEFAULT_OPTIONS)
  })

  it('starts normally when storage holds text that is not JSON', () => {
    storage.setItem(PERSIST_KEY, '{"state": {"source": "trunc')
    expect(reopen().getState().source).toBe(STARTER_SOURCE)
  })
})
