import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { resolveTheme } from './store/preferences-slice.ts'
import { playgroundStore } from './store/store.ts'
import './styles.css'

// Edge subscription: the chosen theme (or the system's, for "Auto") drives the CSS variables.
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)')
const applyTheme = () => {
  document.documentElement.dataset.theme = resolveTheme(
    playgroundStore.getState().theme,
    darkQuery.matches,
  )
}
applyTheme()
playgroundStore.subscribe((state, prev) => {
  if (state.theme !== prev.theme) applyTheme()
})
darkQuery.addEventListener('change', applyTheme)

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
