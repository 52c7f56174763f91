import { lazy, Suspense } from 'react'
import { PlaygroundPage } from './components/PlaygroundPage.tsx'
import { SharedLinkOpener } from './components/share/SharedLinkOpener.tsx'
import { useHashRoute } from './hooks/useHashRoute.ts'

const DecoderPage = lazy(() => import('./components/decoder/DecoderPage.tsx'))
const TeachPage = lazy(() => import('./components/learn/TeachPage.tsx'))

export function App() {
  const route = useHashRoute()
  if (route.view === 'caps') {
    return (
      <Suspense fallback={<p>Loading decoder…</p>}>
        <DecoderPage initialInput={route.input} />
      </Suspense>
    )
  }
  if (route.view === 'learn' || route.view === 'challenge' || route.view === 'challenge-new') {
    return (
      <Suspense fallback={<p>Loading lessons…</p>}>
        <TeachPage route={route} />
      </Suspense>
    )
  }
  // The playground stays mounted while a share link is read, so the editor keeps its undo stack.
  return (
    <>
      {route.view === 'share' && <SharedLinkOpener link={route.link} />}
      <PlaygroundPage />
    </>
  )
}
