import type { StateCreator } from 'zustand'
import type { PlaygroundState } from './store.ts'

export type Theme = 'light' | 'dark' | 'system'

export const THEMES: readonly Theme[] = ['system', 'light', 'dark']

export interface PreferencesSlice {
  theme: Theme
  setTheme: (theme: Theme) => void
  /** Whether findings open into their why, docs and scanner notes (a learner's depth). */
  explainFindings: boolean
  setExplainFindings: (open: boolean) => void
}

export const createPreferencesSlice: StateCreator<PlaygroundState, [], [], PreferencesSlice> = (
  set,
) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
  explainFindings: false,
  setExplainFindings: (open) => set({ explainFindings: open }),
})

/** The colour scheme actually shown: `system` follows the operating system's preference. */
export function resolveTheme(theme: Theme, systemPrefersDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light'
  return theme
}
