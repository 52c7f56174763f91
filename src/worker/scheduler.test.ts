import { describe, expect, it } from 'vitest'
import type { WorkerRequest, WorkerResponse } from './analysis-protocol.ts'
import { createScheduler } from './scheduler.ts'

/** A scheduler whose macrotasks run only when the test says so. */
function harness(run: (request: WorkerRequest) => unknown = (r) => `ran ${r.id}`) {
  const replies: WorkerResponse[] = []
  const steps: (() => void)[] = []
  const receive = createScheduler(
    run,
    (r) => replies.push(r),
    (step) => steps.push(step),
  )
  const drain = () => {
    while (steps.length > 0) steps.shift()?.()
  }
  return { receive, replies, drain, steps }
}

const request = (id: number, lane?: string): WorkerRequest => ({
  id,
  task: 'analyze',
  args: [],
  ...(lane === undefined ? {} : { lane }),
})

describe('analysis worker scheduler', () => {
  it('answers every request without a lane, in order, one per macrotask', () => {
    const h = harness()
    h.receive(request(1))
    h.receive(request(2))
    expect(h.replies).toEqual([])
    expect(h.steps).toHaveLength(1)
    h.drain()
    expect(h.replies).toEqual([
      { id: 1, value: 'ran 1' },
      { id: 2, value: 'ran 2' },
    ])
  })

  it('runs only the newest request waiting in a lane and says the older one was skipped', () => {
    const h = harness()
    h.receive(request(1, 'document'))
    h.receive(request(2))
    h.receive(request(3, 'document'))
    h.receive(request(4, 'goals'))
    h.drain()
    expect(h.replies).toEqual([
      { id: 1, superseded: true },
      { id: 2, value: 'ran 2' },
      { id: 3, value: 'ran 3' },
      { id: 4, value: 'ran 4' },
    ])
  })

  it('keeps a request that already ran: only waiting ones are superseded', () => {
    const h = harness()
    h.receive(request(1, 'document'))
    h.drain()
    h.receive(request(2, 'document'))
    h.drain()
    expect(h.replies).toEqual([
      { id: 1, value: 'ran 1' },
      { id: 2, value: 'ran 2' },
    ])
  })

  it('answers a task that throws with its message and goes on with the next', () => {
    const h = harness((r) => {
      if (r.id === 1) throw new Error('boom')
      return 'fine'
    })
    h.receive(request(1))
    h.receive(request(2))
    h.drain()
    expect(h.replies).toEqual([
      { id: 1, error: 'boom' },
      { id: 2, value: 'fine' },
    ])
  })
})
