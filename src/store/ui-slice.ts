import type { StateCreator } from 'zustand'
import type { Range } from '../core/index.ts'
import type { PlaygroundState } from './store.ts'

/** A request for the editor to select a range; `seq` grows so a repeated click fires again. */
export interface RevealRequest {
  range: Range
  seq: number
}

/** A container addressed by its workload's position in the analysis and its own name. */
export interface ContainerRef {
  workload: number
  container: string
}

/** The next reveal request: `range`, numbered after the current one. The one place `seq` grows. */
export function nextReveal(current: RevealRequest | null, range: Range): RevealRequest {
  return { range, seq: (current?.seq ?? 0) + 1 }
}

export interface UiSlice {
  revealRequest: RevealRequest | null
  selectedContainer: ContainerRef | null
  /** Asks the editor to move the caret to `range` and show it. */
  revealRange: (range: Range) => void
  /** Marks a container as the one being looked at and reveals it in the editor. */
  selectContainer: (ref: ContainerRef, range: Range) => void
}

export const createUiSlice: StateCreator<PlaygroundState, [], [], UiSlice> = (set) => ({
  revealRequest: null,
  selectedContainer: null,
  revealRange: (range) => set((s) => ({ revealRequest: nextReveal(s.revealRequest, range) })),
  selectContainer: (ref, range) =>
    set((s) => ({ selectedContainer: ref, revealRequest: nextReveal(s.revealRequest, range) })),
})
