import type { WorkerRequest, WorkerResponse } from './analysis-protocol.ts'
import type { TaskName, WorkerTasks } from './tasks.ts'

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

export type TaskResult<K extends TaskName> = ReturnType<WorkerTasks[K]>

export interface AnalysisWorker {
  /**
   * Runs a core task in the worker. With a `lane`, a request still waiting when a newer one
   * joins the lane never settles: only the newest answer matters to whoever asked.
   */
  run<K extends TaskName>(
    task: K,
    args: Parameters<WorkerTasks[K]>,
    lane?: string,
  ): Promise<TaskResult<K>>
}

/**
 * The page's side of the analysis worker (a module Web Worker built by Vite), started on the
 * first request. If the worker fails, waiting requests are rejected and the next request starts
 * a new one.
 */
export function createAnalysisWorker(): AnalysisWorker {
  let worker: Worker | null = null
  let nextId = 0
  const waiting = new Map<number, Waiting>()

  function start(): Worker {
    const started = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    })
    started.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data
      const request = waiting.get(response.id)
      waiting.delete(response.id)
      if (!request || 'superseded' in response) return
      if ('error' in response) request.reject(new Error(response.error))
      else request.resolve(response.value)
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

  return {
    run: (task, args, lane) =>
      new Promise((resolve, reject) => {
        worker ??= start()
        const id = ++nextId
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
        const request: WorkerRequest = { id, task, args, ...(lane === undefined ? {} : { lane }) }
        worker.postMessage(request)
      }),
  }
}

/** The page's one analysis worker, shared by the store and the dialogs that ask it for more. */
export const analysisWorker = createAnalysisWorker()
