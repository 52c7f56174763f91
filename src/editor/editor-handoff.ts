/**
 * What the light preview hands to Monaco when it takes over: where the caret was, whether the
 * pane had focus, how far it was scrolled, and the keys pressed while Monaco was loading. No
 * Monaco here: the preview writes it before any editor code has loaded.
 */

/** A key pressed in the preview, replayed through Monaco's own commands so it edits as typed. */
export type PendingKey = 'deleteLeft' | 'deleteRight' | { type: string }

export interface EditorHandoff {
  /** Selection in the text, as offsets (anchor, focus), or null for the start. */
  selection: [number, number] | null
  focused: boolean
  /** The zero-based line at the top of the preview's scroll position. */
  topLine: number
  keys: PendingKey[]
}

const empty = (): EditorHandoff => ({ selection: null, focused: false, topLine: 0, keys: [] })

export const editorHandoff: EditorHandoff = empty()

/** Returns what the preview recorded and starts afresh (the editor takes it once, on mount). */
export function takeEditorHandoff(): EditorHandoff {
  const taken = { ...editorHandoff, keys: [...editorHandoff.keys] }
  Object.assign(editorHandoff, empty())
  return taken
}

/** The edit a key stands for, or null when the key is not an edit (arrows, shortcuts, Tab). */
export function pendingKey(event: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}): PendingKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  if (event.key === 'Enter') return { type: '\n' }
  if (event.key === 'Backspace') return 'deleteLeft'
  if (event.key === 'Delete') return 'deleteRight'
  return [...event.key].length === 1 ? { type: event.key } : null
}
