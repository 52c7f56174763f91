import { DEFAULT_OPTIONS, type AnalysisOptions, type ContainerRuntime } from '../core/index.ts'
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

const RUNTIMES: readonly ContainerRuntime[] = ['containerd', 'cri-o', 'docker']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readOptions(value: unknown): AnalysisOptions {
  const raw = isRecord(value) ? value : {}
  const options: AnalysisOptions = { ...DEFAULT_OPTIONS }
  const runtime = RUNTIMES.find((r) => r === raw.runtime)
  if (runtime) options.runtime = runtime
  if (typeof raw.kernel === 'string' && raw.kernel.length <= 64) options.kernel = raw.kernel
  const version = raw.kubernetesVersion
  if (typeof version === 'string' && (version === 'latest' || /^v1\.\d{1,3}$/.test(version))) {
    options.kubernetesVersion = version as AnalysisOptions['kubernetesVersion']
  }
  if (typeof raw.seccompDefault === 'boolean') options.seccompDefault = raw.seccompDefault
  if (typeof raw.appArmor === 'boolean') options.appArmor = raw.appArmor
  const user = raw.imageUser
  if (
    user === null ||
    (typeof user === 'number' && Number.isInteger(user) && user >= 0 && user <= 0xffffffff) ||
    (typeof user === 'string' && user.length > 0 && user.length <= 256)
  ) {
    options.imageUser = user
  }
  return options
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
  if (isRecord(value.options)) state.options = readOptions(value.options)
  const theme = THEMES.find((t) => t === value.theme)
  if (theme) state.theme = theme
  return state
}
