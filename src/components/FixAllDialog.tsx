import { lazy, Suspense } from 'react'
import { usePlaygroundStore } from '../store/store.ts'

// The preview (with fixAll and its decisions) loads on first use, keeping first paint small.
const FixAllPreview = lazy(() => import('./FixAllPreview.tsx'))

/** The "Fix all" preview, while one is requested. */
export function FixAllDialog() {
  const request = usePlaygroundStore((s) => s.fixAllRequest)
  if (request === null) return null
  return (
    <Suspense fallback={null}>
      <FixAllPreview request={request} />
    </Suspense>
  )
}
