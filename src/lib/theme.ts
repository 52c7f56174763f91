/** The operating system's colour scheme, which the "Auto" theme follows. */

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches
}

/** Calls `onChange` whenever the system switches between light and dark; returns the unsubscribe. */
export function onSystemThemeChange(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Shows `theme` on the page: the CSS custom properties in styles.css follow `data-theme`. */
export function showTheme(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme
}
