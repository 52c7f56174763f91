import type { Analysis } from '../core/index.ts'
import type { AnalysisResponse, AnalysisRequest } from '../worker/analysis-protocol.ts'
import type { Analyser } from './analysis-slice.ts'

interface Waiting {
  resolve: (analysis: Analysis) => void
  reject: (error: Error) => void
}

/**
 * The app's analyser: a module Web Worker built by Vite, started on the first request. A request
 * the worker skipped for a newer one never settles (the store drops it anyway). If the worker
 * fails, waiting requests are rejected and the next request starts a new worker.
 */
export function createWorkerAnalyser(): Analyser {
  let worker: Worker | null = null
  let nextId = 0
  const waiting = new Map<number, Waiting>()

  function start(): Worker {
    const started = new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    })
    started.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      const response = event.data
      const request = waiting.get(response.id)
      waiting.delete(response.id)
      if (request && 'analysis' in response) request.resolve(response.analysis)
    })
    started.addEventListener('error', (event) => {
      event.preventDefault()
      started.terminate()
      if (worker === started) worker = null
      const error = new Error(event.message || 'the analysis worker stopped')
      for (const request of waiting.values()) request.reject(error)
      waiting.clear()
    })
    return started
  }

  return (source, options) =>
    new Promise<Analysis>((resolve, reject) => {
      worker ??= start()
      const id = ++nextId
      waiting.set(id, { resolve, reject })
      const request: AnalysisRequest = { id, source, options }
      worker.postMessage(request)
    })
}
