import { analyze, type Analysis } from '../../core/index.ts'
import type { SharedManifest } from '../../share/share-links.ts'
import { playgroundStore } from '../../store/store.ts'

/** The text and assumptions as the user sees them now, pending keystrokes included. */
export function currentManifest(): SharedManifest {
  playgroundStore.getState().flushEditor?.()
  const { source, options } = playgroundStore.getState()
  return { source, options }
}

/** A fresh analysis of exactly that text, for a review that must describe what is on screen. */
export function analyseCurrent(): Analysis {
  const { source, options } = currentManifest()
  return analyze(source, options)
}
