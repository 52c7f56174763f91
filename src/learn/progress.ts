/**
 * Lesson progress in local storage: which lessons are done and each lesson's text in progress.
 * What storage returns is validated; anything unusable is dropped, never trusted.
 */
import { readJson, writeJson } from '../lib/storage.ts'

export const PROGRESS_KEY = 'security-context-playground:lessons'

/** Drafts are lesson-sized; a larger value in storage is not a draft we wrote. */
const MAX_DRAFT_CHARS = 100_000

export interface Progress {
  done: string[]
  drafts: Record<string, string>
}

export function readProgress(value: unknown, lessonIds: readonly string[]): Progress {
  const progress: Progress = { done: [], drafts: {} }
  if (typeof value !== 'object' || value === null) return progress
  const { done, drafts } = value as { done?: unknown; drafts?: unknown }
  if (Array.isArray(done)) {
    progress.done = lessonIds.filter((id) => done.includes(id))
  }
  if (typeof drafts === 'object' && drafts !== null) {
    for (const id of lessonIds) {
      const draft: unknown = (drafts as Record<string, unknown>)[id]
      if (typeof draft === 'string' && draft.length <= MAX_DRAFT_CHARS) progress.drafts[id] = draft
    }
  }
  return progress
}

export function loadProgress(lessonIds: readonly string[]): Progress {
  return readProgress(readJson(PROGRESS_KEY), lessonIds)
}

/** Where storage is blocked or full, progress lasts for this page only. */
export function saveProgress(progress: Progress): void {
  writeJson(PROGRESS_KEY, progress)
}
