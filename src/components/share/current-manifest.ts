import type { Analysis } from '../../core/index.ts'
import type { SharedManifest } from '../../share/share-links.ts'
import { playgroundStore } from '../../store/store.ts'
import { analysisWorker } from '../../worker/client.ts'

/** The text and assumptions as the user sees them now. */
export function currentManifest(): SharedManifest {
  const { source, options } = playgroundStore.getState()
  return { source, options }
}

/** A fresh analysis of exactly that text, for a review that must describe what is on screen. */
export function analyseCurrent(): Promise<Analysis> {
  const { source, options } = currentManifest()
  return analysisWorker.run('analyze', [source, options])
}
