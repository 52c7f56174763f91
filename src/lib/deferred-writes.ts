/**
 * Coalesces writes to storage: only the newest scheduled write runs, after `delayMs` without a
 * newer one, or at once when the page is hidden or left (so closing a tab loses nothing).
 * Writing a 200 KB manifest to localStorage on every keystroke costs the page's thread
 * milliseconds per key; this makes it one write per pause. A delay of 0 writes at once.
 */
export function deferWrites(delayMs: number): (write: () => void) => void {
  let pending: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    clearTimeout(timer)
    const write = pending
    pending = null
    write?.()
  }
  if (delayMs > 0 && typeof document !== 'undefined') {
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush()
    })
  }
  return (write) => {
    pending = write
    if (delayMs <= 0) return flush()
    clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  }
}
