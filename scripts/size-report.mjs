// Prints the size of every JS and CSS file in the build, raw and gzipped, and marks what the
// first paint loads (referenced from index.html), what belongs to the lazily loaded editor and
// the analysis worker (src/worker/analysis.worker.ts).
// Writes the same data to <outDir>/size-report.json. Usage: node scripts/size-report.mjs [outDir]
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const outDir = process.argv[2] ?? 'dist'
const assetsDir = join(outDir, 'assets')
if (!existsSync(assetsDir)) {
  console.error(`size-report: ${assetsDir} not found; run vite build first.`)
  process.exit(1)
}

const html = readFileSync(join(outDir, 'index.html'), 'utf8')

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

const assets = walk(assetsDir)
  .filter((p) => /\.(js|css)$/.test(p))
  .map((path) => {
    const file = relative(outDir, path).split('\\').join('/')
    const data = readFileSync(path)
    return { file, base: file.slice(file.lastIndexOf('/') + 1), data }
  })

// The editor is whatever the lazily imported editor chunk (src/editor/code-editor.tsx) pulls
// in: follow file names mentioned in each chunk (imports, CSS, `new URL(...)` workers).
const byBase = new Map(assets.map((a) => [a.base, a]))
const refs = (asset) =>
  asset.file.endsWith('.js')
    ? [...byBase.keys()].filter((b) => b !== asset.base && asset.data.includes(b))
    : []
const isFirstPaint = (a) => html.includes(a.file)
const editorSet = new Set()
const queue = assets.filter((a) => a.base.startsWith('code-editor-')).map((a) => a.base)
while (queue.length > 0) {
  const base = queue.pop()
  const asset = byBase.get(base)
  if (!asset || editorSet.has(base) || isFirstPaint(asset)) continue
  editorSet.add(base)
  queue.push(...refs(asset))
}

const files = assets
  .map((a) => ({
    file: a.file,
    type: a.file.endsWith('.css') ? 'css' : 'js',
    raw: a.data.length,
    gzip: gzipSync(a.data, { level: 9 }).length,
    firstPaint: isFirstPaint(a),
    editor: editorSet.has(a.base),
    analysisWorker: a.base.startsWith('analysis.worker-'),
  }))
  .sort((a, b) => Number(b.firstPaint) - Number(a.firstPaint) || b.gzip - a.gzip)

const kib = (n) => (n / 1024).toFixed(1)
const sum = (list, key) => list.reduce((n, f) => n + f[key], 0)

const rows = files.map((f) => [
  f.file,
  f.type,
  kib(f.raw),
  kib(f.gzip),
  f.firstPaint
    ? 'first paint'
    : f.editor
      ? 'editor (lazy)'
      : f.analysisWorker
        ? 'analysis worker'
        : 'lazy',
])
const firstPaint = files.filter((f) => f.firstPaint)
const editor = files.filter((f) => f.editor)
const analysisWorker = files.filter((f) => f.analysisWorker)
const totals = [
  ['first paint total', '', kib(sum(firstPaint, 'raw')), kib(sum(firstPaint, 'gzip')), ''],
  ['editor total', '', kib(sum(editor, 'raw')), kib(sum(editor, 'gzip')), ''],
  ['analysis worker', '', kib(sum(analysisWorker, 'raw')), kib(sum(analysisWorker, 'gzip')), ''],
  ['all JS + CSS', '', kib(sum(files, 'raw')), kib(sum(files, 'gzip')), ''],
]
const header = ['file', 'type', 'raw KiB', 'gzip KiB', 'loads']
const all = [header, ...rows, ...totals]
const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
const line = (r) =>
  r.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
console.log('\n' + line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const r of rows) console.log(line(r))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const r of totals) console.log(line(r))

writeFileSync(
  join(outDir, 'size-report.json'),
  JSON.stringify(
    {
      files,
      totals: {
        firstPaint: { raw: sum(firstPaint, 'raw'), gzip: sum(firstPaint, 'gzip') },
        editor: { raw: sum(editor, 'raw'), gzip: sum(editor, 'gzip') },
        analysisWorker: { raw: sum(analysisWorker, 'raw'), gzip: sum(analysisWorker, 'gzip') },
        all: { raw: sum(files, 'raw'), gzip: sum(files, 'gzip') },
      },
    },
    null,
    2,
  ) + '\n',
)
