// How much the analysis costs on top of parsing: `analyze` (the typing path, without fixes)
// against `yaml`'s own `parseAllDocuments` on 1,000 generated Deployments, both timed in this run,
// and the median time of `analyze` on one typical Deployment (the per-keystroke cost of a small
// manifest). With fixes (what the analysis worker asks for) is printed beside it.
// The core is bundled with rolldown first, so Node runs the same code the browser does; the
// bundle also serves for profiling: node --cpu-prof <printed bundle path>.
// Usage: node scripts/bench-ratio.mjs (run by `npm run bench` after the vitest benchmarks).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'rolldown'

const outDir = mkdtempSync(join(tmpdir(), 'bench-ratio-'))
await build({
  input: { core: 'src/core/index.ts', manifests: 'src/testing/generated-manifest.ts' },
  platform: 'node',
  logLevel: 'silent',
  output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs' },
})
const { analyze } = await import(pathToFileURL(join(outDir, 'core.mjs')).href)
const { generatedManifest, typicalDeployment } = await import(
  pathToFileURL(join(outDir, 'manifests.mjs')).href
)
const { parseAllDocuments } = await import('yaml')

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Median milliseconds per call of `run`, timed in batches of `batch` calls after a warm-up. */
function time(run, { rounds, batch }) {
  for (let i = 0; i < Math.max(3, rounds / 5); i++) run()
  const samples = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (let i = 0; i < batch; i++) run()
    samples.push((performance.now() - start) / batch)
  }
  return median(samples)
}

const large = generatedManifest(1000)
// Interleaved rounds, so a busy machine slows both sides alike.
const parseSamples = []
const analyzeSamples = []
const withFixesSamples = []
for (let round = 0; round < 5; round++) {
  parseSamples.push(time(() => parseAllDocuments(large), { rounds: 1, batch: 1 }))
  analyzeSamples.push(time(() => analyze(large), { rounds: 1, batch: 1 }))
  withFixesSamples.push(time(() => analyze(large, {}, { fixes: true }), { rounds: 1, batch: 1 }))
}
const one = typicalDeployment(0)
const typical = time(() => analyze(one), { rounds: 21, batch: 20 })
const typicalWithFixes = time(() => analyze(one, {}, { fixes: true }), { rounds: 21, batch: 20 })

const ms = (n) => `${n.toFixed(2)} ms`
console.log(`\n1,000 Deployments (${(large.length / 1e6).toFixed(2)} MB, 2,000 containers):`)
console.log(`  yaml parseAllDocuments  ${ms(median(parseSamples))} (median of 5)`)
console.log(`  analyze                 ${ms(median(analyzeSamples))} (median of 5)`)
console.log(`  analyze with fixes      ${ms(median(withFixesSamples))} (median of 5)`)
console.log(`one typical Deployment (2 containers): analyze ${ms(typical)} median,`)
console.log(`  with fixes ${ms(typicalWithFixes)} median`)
console.log(`bundle for profiling: ${join(outDir, 'core.mjs')}`)
console.log(`ratio analyze/parse: ${(median(analyzeSamples) / median(parseSamples)).toFixed(2)}`)
