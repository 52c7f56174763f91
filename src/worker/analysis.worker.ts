// The analysis worker: the same core `analyze` the tests exercise, off the main thread so a
// large paste never freezes the page. Only the newest request is analysed: requests that queued
// up while an analysis ran are answered as superseded.
import { analyze } from '../core/index.ts'
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.ts'

let newest: AnalysisRequest | null = null

const reply = (response: AnalysisResponse) => postMessage(response)

function analyseNewest() {
  const request = newest
  newest = null
  if (request)
    reply({ id: request.id, analysis: analyze(request.source, request.options, { fixes: true }) })
}

addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  if (newest) reply({ id: newest.id, superseded: true })
  else setTimeout(analyseNewest)
  // Messages already queued are delivered before the timer fires, so the newest one wins.
  newest = event.data
})
