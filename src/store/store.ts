import { useStore } from 'zustand'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { DEFAULT_OPTIONS } from '../core/index.ts'
import {
  createAnalysisScheduler,
  initialAnalysisState,
  type Analyser,
  type AnalysisSlice,
  type RequestAnalysis,
} from './analysis-slice.ts'
import { createAssumptionsSlice, type AssumptionsSlice } from './assumptions-slice.ts'
import { createDocumentSlice, settlePendingFix, type DocumentSlice } from './document-slice.ts'
import { createFixAllSlice, type FixAllSlice } from './fix-all-slice.ts'
import { createShownAnalysisSelector } from './last-good.ts'
import {
  PERSIST_KEY,
  PERSIST_VERSION,
  migratePersistedState,
  readPersistedState,
  type PersistedState,
} from './persisted-state.ts'
import { createPreferencesSlice, type PreferencesSlice } from './preferences-slice.ts'
import { rememberFingerprints } from './stable-workloads.ts'
import { createUiSlice, type UiSlice } from './ui-slice.ts'
import { deferWrites } from '../lib/deferred-writes.ts'
import { analysisWorker } from '../worker/client.ts'
import { browserStorage, createMemoryStorage } from '../lib/storage.ts'

export type PlaygroundState = DocumentSlice &
  AnalysisSlice &
  AssumptionsSlice &
  UiSlice &
  PreferencesSlice &
  FixAllSlice

/** A storage for tests and for pages without local storage. */
export { createMemoryStorage }

/**
 * Creates the playground store from its slices, persisting only the text, the assumptions and
 * the reader's preferences (theme, explanation depth). What storage returns is validated field by field and re-analysed on load. The
 * analyser computes every analysis: the app's runs in a Web Worker, tests pass `analyze`.
 */
export function createPlaygroundStore(
  storage: StateStorage,
  analyser: Analyser,
  { persistDelayMs = 0 }: { persistDelayMs?: number } = {},
): StoreApi<PlaygroundState> {
  let requestAnalysis: RequestAnalysis = () => ({})
  const json = createJSONStorage(() => storage)
  const scheduleWrite = deferWrites(persistDelayMs)
  const store = createStore<PlaygroundState>()(
    persist(
      (...a) => {
        const [set] = a
        requestAnalysis = createAnalysisScheduler(analyser, set, (state) =>
          settlePendingFix(state, requestAnalysis),
        )
        return {
          ...createDocumentSlice(requestAnalysis)(...a),
          ...initialAnalysisState(DEFAULT_OPTIONS),
          ...createAssumptionsSlice(requestAnalysis)(...a),
          ...createUiSlice(...a),
          ...createPreferencesSlice(...a),
          ...createFixAllSlice(...a),
        }
      },
      {
        name: PERSIST_KEY,
        version: PERSIST_VERSION,
        storage: json && {
          ...json,
          setItem: (name, value) => scheduleWrite(() => json.setItem(name, value)),
        },
        partialize: (s): PersistedState => ({
          source: s.source,
          options: s.options,
          theme: s.theme,
          explainFindings: s.explainFindings,
        }),
        // Older versions are read by the same field-by-field validation in `merge`.
        migrate: migratePersistedState,
        merge: (persisted, current) => ({ ...current, ...readPersistedState(persisted) }),
      },
    ),
  )
  // The first analysis, of the restored (or starter) text.
  const { source, options } = store.getState()
  store.setState(requestAnalysis(source, options))
  return store
}

/** The app's store instance, for code outside React (the editor adapter, edge subscriptions). */
export const playgroundStore = createPlaygroundStore(
  browserStorage,
  async (source, options) => {
    const { analysis, fingerprints } = await analysisWorker.run(
      'analyseDocument',
      [source, options],
      'document',
    )
    rememberFingerprints(analysis.workloads, fingerprints)
    return analysis
  },
  // The text is saved once typing pauses (and when the page is hidden), not on every key.
  { persistDelayMs: 400 },
)

/** What the panel shows for the app's store: the analysis, or the last readable one, stale. */
export const selectShownAnalysis = createShownAnalysisSelector()

/** Subscribes a component to one slice of the playground state. */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector)
}
