import { useStore } from 'zustand'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { analyze } from '../core/index.ts'
import { createAssumptionsSlice, type AssumptionsSlice } from './assumptions-slice.ts'
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts'
import { createFixAllSlice, type FixAllSlice } from './fix-all-slice.ts'
import {
  PERSIST_KEY,
  PERSIST_VERSION,
  readPersistedState,
  type PersistedState,
} from './persisted-state.ts'
import { createPreferencesSlice, type PreferencesSlice } from './preferences-slice.ts'
import { createUiSlice, type UiSlice } from './ui-slice.ts'

export type PlaygroundState = DocumentSlice &
  AssumptionsSlice &
  UiSlice &
  PreferencesSlice &
  FixAllSlice

/** A storage that lives as long as the page: used where `localStorage` is missing or blocked. */
export function createMemoryStorage(): StateStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

function browserStorage(): StateStorage {
  let local: Storage
  try {
    // Touching localStorage throws in some privacy modes; Node has none at all.
    if (typeof localStorage === 'undefined') return createMemoryStorage()
    local = localStorage
  } catch {
    return createMemoryStorage()
  }
  return {
    getItem: (key) => local.getItem(key),
    setItem: (key, value) => {
      try {
        local.setItem(key, value)
      } catch {
        // Quota exceeded: keep working with the text in memory rather than fail the edit.
      }
    },
    removeItem: (key) => local.removeItem(key),
  }
}

/**
 * Creates the playground store from its slices, persisting only the text, the assumptions and
 * the theme. What storage returns is validated field by field and re-analysed on load.
 */
export function createPlaygroundStore(storage: StateStorage): StoreApi<PlaygroundState> {
  return createStore<PlaygroundState>()(
    persist(
      (...a) => ({
        ...createDocumentSlice(...a),
        ...createAssumptionsSlice(...a),
        ...createUiSlice(...a),
        ...createPreferencesSlice(...a),
        ...createFixAllSlice(...a),
      }),
      {
        name: PERSIST_KEY,
        version: PERSIST_VERSION,
        storage: createJSONStorage(() => storage),
        partialize: (s): PersistedState => ({
          source: s.source,
          options: s.options,
          theme: s.theme,
        }),
        // Older versions are read by the same field-by-field validation in `merge`.
        migrate: (persisted) => persisted,
        merge: (persisted, current) => {
          const restored = { ...current, ...readPersistedState(persisted) }
          return { ...restored, analysis: analyze(restored.source, restored.options) }
        },
      },
    ),
  )
}

/** The app's store instance, for code outside React (the editor adapter, edge subscriptions). */
export const playgroundStore = createPlaygroundStore(browserStorage())

/** Subscribes a component to one slice of the playground state. */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector)
}
