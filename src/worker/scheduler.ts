import type { WorkerRequest, WorkerResponse } from './analysis-protocol.ts'

/**
 * The analysis worker's queue, apart from the worker so it can be tested in Node. Requests run
 * one at a time, in order, each in its own macrotask so messages that arrive meanwhile are seen
 * before the next one starts; a request waiting in a lane is dropped (answered as superseded)
 * when a newer one joins that lane.
 */
export function createScheduler(
  run: (request: WorkerRequest) => unknown,
  reply: (response: WorkerResponse) => void,
  defer: (step: () => void) => void = (step) => setTimeout(step),
): (request: WorkerRequest) => void {
  const queue: WorkerRequest[] = []
  let scheduled = false

  function step() {
    scheduled = false
    const request = queue.shift()
    if (!request) return
    try {
      reply({ id: request.id, value: run(request) })
    } catch (error) {
      reply({ id: request.id, error: error instanceof Error ? error.message : String(error) })
    }
    schedule()
  }

  function schedule() {
    if (scheduled || queue.length === 0) return
    scheduled = true
    defer(step)
  }

  return (request) => {
    if (request.lane !== undefined) {
      const older = queue.find((waiting) => waiting.lane === request.lane)
      if (older) {
        queue.splice(queue.indexOf(older), 1)
        reply({ id: older.id, superseded: true })
      }
    }
    queue.push(request)
    schedule()
  }
}
