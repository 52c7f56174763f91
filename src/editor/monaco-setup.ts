/**
 * Monaco + monaco-yaml set-up. Imported only from the lazily loaded editor, so none of this is
 * in the first-paint bundle. Everything is bundled locally: no CDN, no network.
 */
import * as monaco from 'monaco-editor/editor'
// Only the features the playground uses, not `features/register.all` (about 160 KB gzip less).
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codeAction/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/diffEditor/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
// features/suggest/register adds only inline suggestions; this is the completion widget itself.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/features/toggleTabFocusMode/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml'
import workloadSchema from './k8s-workloads.schema.json'
import YamlWorker from './yaml.worker.ts?worker'

/** The URI of the one document the playground edits. */
export const MODEL_URI = 'file:///manifest.yaml'

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker()
  },
}

// monaco-editor >= 0.55 needs an explicit `worker` in createWebWorker and no longer posts
// `createData`; monaco-yaml 5.5.1 (via monaco-worker-manager) still uses the old options, so its
// requests would reach the plain editor worker ("Missing requestHandler or method: doValidation").
// Re-create what monaco's internal function used to do. See monaco-yaml issues #272 and #275,
// monaco-editor #5310; remove once monaco-yaml ships its own fix.
interface LegacyWorkerOptions {
  createData?: unknown
  label?: string
  moduleId?: string
}
const createWebWorker = monaco.editor.createWebWorker
monaco.editor.createWebWorker = ((
  opts: monaco.editor.IInternalWebWorkerOptions | LegacyWorkerOptions,
) => {
  if ('worker' in opts) return createWebWorker(opts)
  const worker = self.MonacoEnvironment?.getWorker?.(
    opts.moduleId ?? 'workerMain.js',
    opts.label ?? 'monaco-editor-worker',
  )
  return createWebWorker({
    worker: Promise.resolve(worker).then((w) => {
      if (!w) throw new Error('No worker for ' + (opts.label ?? 'monaco-editor-worker'))
      // The worker ignores its first message and reads createData from the second.
      w.postMessage('ignore')
      w.postMessage(opts.createData)
      return w
    }),
  })
}) as typeof monaco.editor.createWebWorker

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  // No formatting: the worker is built without prettier (vite.config.ts, no-prettier.ts).
  format: { enable: false },
  // Offline by design: the schema for the workload kinds is bundled, never fetched.
  schemas: [
    {
      uri: 'inmemory://schemas/k8s-workloads.schema.json',
      fileMatch: ['**/manifest.yaml'],
      schema: workloadSchema as JSONSchema,
    },
  ],
})

/**
 * Monaco's own themes, with the dimmed number of an empty last line given enough contrast (WCAG
 * 1.4.3; its default colour fails the accessibility audit).
 */
export const EDITOR_THEMES = { light: 'playground-light', dark: 'playground-dark' } as const
monaco.editor.defineTheme(EDITOR_THEMES.light, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.dimmedForeground': '#5c6670' },
})
monaco.editor.defineTheme(EDITOR_THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editorLineNumber.dimmedForeground': '#9a9a9a' },
})

export { monaco }
