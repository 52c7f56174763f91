import { resolveOptions, type AnalysisOptions } from '../core/index.ts'
import { THEMES, type Theme } from './preferences-slice.ts'

/** Bump when the persisted shape changes; `readPersistedState` must still accept older shapes. */
export const PERSIST_VERSION = 1

export const PERSIST_KEY = 'security-context-playground'

/** What survives a reload: the text, the assumptions and the theme. Nothing else. */
export interface PersistedState {
  source: string
  options: AnalysisOptions
  theme: Theme
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads whatever storage handed back (any version, any shape) into the parts of a persisted
 * state that are valid. Each field is checked on its own and left out when unusable, so one
 * bad field never costs the user their manifest text. Never throws.
 */
export function readPersistedState(value: unknown): Partial<PersistedState> {
  if (!isRecord(value)) return {}
  const state: Partial<PersistedState> = {}
  if (typeof value.source === 'string') state.source = value.source
  if (isRecord(value.options)) state.options = resolveOptions(value.options)
  const theme = THEMES.find((t) => t === value.theme)
  if (theme) state.theme = theme
  return state
}
