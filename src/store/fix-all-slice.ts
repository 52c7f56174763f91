import type { StateCreator } from 'zustand'
import type { FixLevel } from '../core/index.ts'
import type { PlaygroundState } from './store.ts'

/** A "Fix all" preview the user asked for: the level, and one workload or the whole paste. */
export interface FixAllRequest {
  level: FixLevel
  /** Index of the workload in the analysis; undefined for every workload. */
  workload?: number
}

export interface FixAllSlice {
  fixAllRequest: FixAllRequest | null
  /** Opens the preview of fixing the current text. */
  openFixAll: (request: FixAllRequest) => void
  closeFixAll: () => void
  /**
   * Replaces the text with `text`, computed from `base`, in one edit (one Ctrl+Z in the editor
   * brings `base` back). If the text is no longer `base`, nothing changes.
   */
  applyFixAll: (base: string, text: string) => boolean
}

export const createFixAllSlice: StateCreator<PlaygroundState, [], [], FixAllSlice> = (
  set,
  get,
) => ({
  fixAllRequest: null,
  openFixAll: (request) => set({ fixAllRequest: request }),
  closeFixAll: () => set({ fixAllRequest: null }),
  applyFixAll: (base, text) => {
    if (get().source !== base) return false
    get().setSource(text)
    // Select the start of the change, so the editor shows it and Ctrl+Z there undoes it.
    let start = 0
    while (start < base.length && base[start] === text[start]) start++
    set({ fixAllRequest: null })
    get().revealRange([start, start])
    return true
  },
})
