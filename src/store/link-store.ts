import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import { resolveOptions, type AnalysisOptions } from '../core/index.ts'
import type { SharedManifest } from '../share/share-links.ts'
import { browserStorage, readJson, writeJson } from '../lib/storage.ts'
import { playgroundStore } from './store.ts'

/** Where the text a link replaced is kept, so it survives closing the tab the link opened. */
export const PREVIOUS_TEXT_KEY = 'security-context-playground:previous-text'

/** What the banner above the playground says after a link was opened (or refused). */
export type LinkNotice = { kind: 'opened' } | { kind: 'refused'; message: string }

interface LinkState {
  notice: LinkNotice | null
  /** The user's own text and assumptions from before a link replaced them. */
  previous: SharedManifest | null
}

function readPrevious(): SharedManifest | null {
  const value = readJson(PREVIOUS_TEXT_KEY)
  if (typeof value !== 'object' || value === null || !('source' in value)) return null
  const { source, options } = value as { source: unknown; options: unknown }
  // Our own copy: an option storage mangled falls back to its default; the text is kept.
  return typeof source === 'string'
    ? { source, options: resolveOptions(options as Partial<AnalysisOptions>) }
    : null
}

function writePrevious(previous: SharedManifest | null): void {
  // Where storage is blocked or full, the text is still kept in memory for this page.
  if (previous) writeJson(PREVIOUS_TEXT_KEY, previous)
  else browserStorage.removeItem(PREVIOUS_TEXT_KEY)
}

const linkStore = createStore<LinkState>(() => ({
  notice: null,
  previous: readPrevious(),
}))

export function useLinkStore<T>(selector: (state: LinkState) => T): T {
  return useStore(linkStore, selector)
}

/** Puts a text and its assumptions into the playground, through the store's own actions. */
function load({ source, options }: SharedManifest): void {
  for (const key of Object.keys(options) as (keyof AnalysisOptions)[]) {
    if (playgroundStore.getState().options[key] !== options[key]) {
      playgroundStore.getState().setAssumption(key, options[key])
    }
  }
  playgroundStore.getState().setSource(source)
}

/**
 * Opens a shared manifest. The user's own text is saved first (unless it is the same), so the
 * banner can offer it back; the editor also applies the change as one undoable edit.
 */
export function openSharedManifest(shared: SharedManifest): void {
  const { source, options } = playgroundStore.getState()
  const same =
    source === shared.source &&
    (Object.keys(options) as (keyof AnalysisOptions)[]).every(
      (k) => options[k] === shared.options[k],
    )
  const previous = same ? linkStore.getState().previous : { source, options }
  writePrevious(previous)
  linkStore.setState({ notice: { kind: 'opened' }, previous })
  load(shared)
}

/** Shows why a link was refused; the user's text is not touched. */
export function refuseLink(message: string): void {
  linkStore.setState({ notice: { kind: 'refused', message } })
}

export function restorePreviousText(): void {
  const { previous } = linkStore.getState()
  if (!previous) return
  load(previous)
  writePrevious(null)
  linkStore.setState({ notice: null, previous: null })
}

/** Keeps the opened text: closes the banner and forgets the saved copy (the user's choice). */
export function keepOpenedText(): void {
  writePrevious(null)
  linkStore.setState({ notice: null, previous: null })
}

/** Closes a refusal message. */
export function dismissLinkNotice(): void {
  linkStore.setState({ notice: null })
}
