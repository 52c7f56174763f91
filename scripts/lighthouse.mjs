// Builds the app, serves dist/ on a free local port and runs Lighthouse 12 (which runs on Node 20)
// with the mobile and the desktop preset, several times each, printing the median scores.
// Scores swing between runs on a busy machine: read the median, not one run.
// Usage: npm run lighthouse [-- --runs 3] [-- --no-build]
// Chromium: $CHROMIUM_PATH, else /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'

const args = process.argv.slice(2)
const runsFlag = args.indexOf('--runs')
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 3
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer`)
}

const port = await freePort()
const url = `http://127.0.0.1:${port}/`
const preview = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: 'ignore', detached: true },
)
const stopPreview = () => {
  try {
    process.kill(-preview.pid)
  } catch {
    // Already gone.
  }
}
process.on('exit', stopPreview)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function audit(preset) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      preset === 'desktop' ? desktopConfig : undefined,
    )
    const { categories, audits } = result.lhr
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      bestPractices: Math.round(categories['best-practices'].score * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      tti: audits.interactive.numericValue,
      failing: Object.values(audits)
        .filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    }
  } finally {
    await chrome.kill()
  }
}

try {
  await waitFor(url)
  for (const preset of ['mobile', 'desktop']) {
    const results = []
    for (let i = 0; i < runs; i++) results.push(await audit(preset))
    const pick = (key) => median(results.map((r) => r[key]))
    const ms = (key) => `${Math.round(pick(key))} ms`
    console.log(
      `${preset.padEnd(7)} performance ${pick('performance')} (runs: ${results.map((r) => r.performance).join(', ')})` +
        ` · accessibility ${pick('accessibility')} · best practices ${pick('bestPractices')}` +
        ` · FCP ${ms('fcp')} · LCP ${ms('lcp')} · TBT ${ms('tbt')} · TTI ${ms('tti')}`,
    )
    const failing = [...new Set(results.flatMap((r) => r.failing))]
    if (failing.length > 0) console.log(`${' '.repeat(8)}failing audits: ${failing.join(', ')}`)
  }
} finally {
  stopPreview()
}
