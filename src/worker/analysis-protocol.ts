import type { TaskName } from './tasks.ts'

/**
 * Main thread to analysis worker: run `task` with `args`. Of the requests waiting in one `lane`,
 * only the newest runs: the others are answered as superseded (typing sends one per pause, and
 * only the analysis of the latest text matters).
 */
export interface WorkerRequest {
  id: number
  task: TaskName
  args: unknown[]
  lane?: string
}

/** Analysis worker to main thread: the task's value, its error, or word it was skipped. */
export type WorkerResponse =
  { id: number; value: unknown } | { id: number; error: string } | { id: number; superseded: true }
