import { resolveOptions, type AnalysisOptions } from '../core/index.ts'
import { THEMES, type Theme } from './preferences-slice.ts'

/** Bump when the persisted shape changes; `readPersistedState` must still accept older shapes. */
export const PERSIST_VERSION = 2

export const PERSIST_KEY = 'security-context-playground'

/** What survives a reload: the text, the assumptions and the reader's preferences. */
export interface PersistedState {
  source: string
  options: AnalysisOptions
  theme: Theme
  explainFindings: boolean
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
  if (typeof value.explainFindings === 'boolean') state.explainFindings = value.explainFindings
  return state
}

/**
 * Version 1 stored the image USER's old default, root (0), for anyone who never changed it. From
 * version 2 the default is unknown; read that stored root as the default it was.
 */
export function migratePersistedState(value: unknown, version: number): unknown {
  if (version >= 2 || !isRecord(value) || !isRecord(value.options)) return value
  if (value.options.imageUser !== 0) return value
  return { ...value, options: { ...value.options, imageUser: null } }
}
