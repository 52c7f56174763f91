import { lazy, Suspense } from 'react'
import { PlaygroundPage } from './components/PlaygroundPage.tsx'
import { useHashRoute } from './hooks/useHashRoute.ts'

const DecoderPage = lazy(() => import('./components/decoder/DecoderPage.tsx'))

export function App() {
  const route = useHashRoute()
  if (route.view === 'caps') {
    return (
      <Suspense fallback={<p>Loading decoder…</p>}>
        <DecoderPage initialInput={route.input} />
      </Suspense>
    )
  }
  return <PlaygroundPage />
}
