import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { onSystemThemeChange, showTheme, systemPrefersDark } from './lib/theme.ts'
import { resolveTheme } from './store/preferences-slice.ts'
import { playgroundStore } from './store/store.ts'
import './styles.css'

// The chosen theme (or the system's, for "Auto") drives the CSS custom properties.
const applyTheme = () =>
  showTheme(resolveTheme(playgroundStore.getState().theme, systemPrefersDark()))
applyTheme()
playgroundStore.subscribe((state, prev) => {
  if (state.theme !== prev.theme) applyTheme()
})
onSystemThemeChange(applyTheme)

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
