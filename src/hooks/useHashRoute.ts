import { useSyncExternalStore } from 'react'
import { currentHash, parseRoute, subscribeToHash, type Route } from '../lib/route.ts'

/** The current route, re-rendering on every hash change. */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribeToHash, currentHash))
}
