import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from '../lib/route.ts'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const getHash = () => window.location.hash

/** The current route, re-rendering on every hash change. */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash))
}
