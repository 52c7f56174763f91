import { useEffect, useState, type RefObject } from 'react'

/**
 * True once the element has come within about a screen of the viewport (and from then on). Used
 * to build the detail of a card only when the reader gets near it; `eager` skips the wait.
 */
export function useSeenOnce(ref: RefObject<Element | null>, eager: boolean): boolean {
  const [seen, setSeen] = useState(eager)
  useEffect(() => {
    const element = ref.current
    if (seen || eager || !element || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true)
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, seen, eager])
  return seen || eager
}
