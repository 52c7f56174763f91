import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchExample } from './examples.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchExample', () => {
  it('reads a file of the examples folder beside the page', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('kind: Pod\n')))
    vi.stubGlobal('fetch', fetch)
    expect(await fetchExample('pod.yaml')).toBe('kind: Pod\n')
    expect(fetch).toHaveBeenCalledWith('./examples/pod.yaml')
  })

  it('rejects an HTTP error instead of returning its page', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('Not found', { status: 404 })))
    await expect(fetchExample('gone.yaml')).rejects.toThrow('gone.yaml: HTTP 404')
  })
})
