// The analysis worker: the same core code the tests exercise, off the main thread, so a large
// paste never freezes the page.
import type { WorkerRequest } from './analysis-protocol.ts'
import { createScheduler } from './scheduler.ts'
import { workerTasks } from './tasks.ts'

const receive = createScheduler(
  ({ task, args }) => (workerTasks[task] as (...args: unknown[]) => unknown)(...args),
  (response) => postMessage(response),
)

addEventListener('message', (event: MessageEvent<WorkerRequest>) => receive(event.data))
