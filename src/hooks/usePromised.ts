import { useEffect, useState } from 'react'

export interface Promised<T> {
  /** The newest promise's value once it has settled; until then the one before it. */
  value: T | undefined
  /** Whether the newest promise is still on its way. */
  pending: boolean
  /** Why the newest promise failed, if it did. */
  error: Error | null
}

interface Settled<T> {
  promise: Promise<T>
  value?: T
  error?: Error
}

/**
 * Follows a promise made during render (keep it in `useMemo`, so a new one is made only when its
 * inputs change). The previous value stays on screen while a newer one is computed, so the view
 * does not flash empty on every change.
 */
export function usePromised<T>(promise: Promise<T>): Promised<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  useEffect(() => {
    let current = true
    promise.then(
      (value) => current && setSettled({ promise, value }),
      (error: unknown) =>
        current &&
        setSettled({ promise, error: error instanceof Error ? error : new Error(String(error)) }),
    )
    return () => {
      current = false
    }
  }, [promise])
  const fresh = settled?.promise === promise
  return {
    value: settled?.value,
    pending: !fresh,
    error: fresh ? (settled.error ?? null) : null,
  }
}
