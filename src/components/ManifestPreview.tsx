import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import { editorHandoff, pendingKey } from '../editor/editor-handoff.ts'
import { highlightYamlLine } from './yaml-highlight.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './ManifestPreview.module.css'

/** Lines coloured in the preview; the rest of a very large paste shows as plain text. */
const HIGHLIGHTED_LINES = 300
/** Must match the editor's line height (Monaco: 13 px font, 18 px lines off the Mac). */
const LINE_HEIGHT_PX = 18

function highlighted(source: string): ReactNode[] {
  const lines = source.split('\n')
  const nodes: ReactNode[] = lines.slice(0, HIGHLIGHTED_LINES).map((line, i) => (
    <span key={i}>
      {highlightYamlLine(line).map((token, j) => (
        <span key={j} className={styles[token.kind]}>
          {token.text}
        </span>
      ))}
      {i < lines.length - 1 ? '\n' : ''}
    </span>
  ))
  if (lines.length > HIGHLIGHTED_LINES) nodes.push(lines.slice(HIGHLIGHTED_LINES).join('\n'))
  return nodes
}

/** The offset in `root`'s text of a DOM position inside it. */
function textOffset(root: Node, node: Node, offset: number): number {
  const range = document.createRange()
  range.setStart(root, 0)
  range.setEnd(node, offset)
  return range.toString().length
}

interface Props {
  /** The user reached for the editor (pointer, focus, key): time to load it. */
  onReach: () => void
  loading: boolean
}

/**
 * The manifest as a light, highlighted, read-only view, shown at once while the editor code has
 * not loaded. Where the caret goes, the scroll position and keys typed are recorded for the
 * editor, which takes them over when it arrives.
 */
export function ManifestPreview({ onReach, loading }: Props) {
  const source = usePlaygroundStore((s) => s.source)
  const root = useRef<HTMLDivElement>(null)
  const code = useRef<HTMLPreElement>(null)
  const content = useMemo(() => highlighted(source), [source])
  const lineNumbers = useMemo(
    () => Array.from({ length: source.split('\n').length }, (_, i) => i + 1).join('\n'),
    [source],
  )

  useLayoutEffect(() => {
    const element = root.current
    // Runs as the editor replaces this view, while it is still in the page: the editor takes
    // focus if this view had it.
    return () => {
      editorHandoff.focused = element !== null && document.activeElement === element
    }
  }, [])

  const recordSelection = () => {
    const selection = window.getSelection()
    const root = code.current
    if (!selection?.anchorNode || !selection.focusNode || !root?.contains(selection.anchorNode)) {
      return
    }
    editorHandoff.selection = [
      textOffset(root, selection.anchorNode, selection.anchorOffset),
      textOffset(root, selection.focusNode, selection.focusOffset),
    ]
  }

  return (
    <div
      ref={root}
      className={styles.preview}
      data-testid="editor.preview"
      role="textbox"
      aria-multiline="true"
      aria-readonly="true"
      aria-label="Kubernetes manifest (YAML)"
      aria-busy={loading}
      tabIndex={0}
      onPointerEnter={onReach}
      onPointerDown={onReach}
      onPointerUp={recordSelection}
      onFocus={onReach}
      onKeyDown={(event) => {
        const key = pendingKey(event)
        onReach()
        if (!key) return
        event.preventDefault()
        editorHandoff.keys.push(key)
      }}
      onScroll={(event) =>
        (editorHandoff.topLine = Math.floor(event.currentTarget.scrollTop / LINE_HEIGHT_PX))
      }
    >
      <pre className={styles.gutter} aria-hidden="true">
        {lineNumbers}
      </pre>
      <pre className={styles.code} ref={code}>
        {content}
      </pre>
      {loading && <span className={styles.loading}>Loading the editor…</span>}
    </div>
  )
}
