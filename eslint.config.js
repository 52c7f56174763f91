import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** The rooms of src/ (its folders), so a new room is walled off without editing this file. */
const ROOMS = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const roomsExcept = (...own) =>
  ROOMS.filter((room) => !own.includes(room)).map((room) => `**/${room}/**`)

const UI_LIBRARIES = [
  { group: ['react', 'react-*', 'react/*'], message: 'React belongs to components and hooks.' },
  { group: ['zustand', 'zustand/*'], message: 'The state library belongs to the store.' },
  {
    group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*'],
    message: 'Monaco belongs to src/editor.',
  },
]

/** src/core imports nothing outside the core: no UI library and no other room of src/. */
const CORE_WALL = [
  ...UI_LIBRARIES,
  { group: roomsExcept('core'), message: 'src/core imports nothing outside src/core.' },
]

/** The DOM and network globals that plain TypeScript rooms (core, share) must not reach. */
const NO_DOM = [
  { name: 'window', message: 'This room has no DOM.' },
  { name: 'document', message: 'This room has no DOM.' },
  { name: 'localStorage', message: 'This room has no DOM.' },
  { name: 'navigator', message: 'This room has no DOM.' },
  { name: 'fetch', message: 'This room makes no network request.' },
]

/** The browser edges that only src/lib touches (see docs/architecture.md). */
const EDGE_MESSAGE = (edge, module) => `Reach ${edge} through src/lib/${module}.`
const EDGE_GLOBALS = [
  { name: 'localStorage', message: EDGE_MESSAGE('storage', 'storage.ts') },
  { name: 'sessionStorage', message: EDGE_MESSAGE('storage', 'storage.ts') },
  { name: 'matchMedia', message: EDGE_MESSAGE('the system theme', 'theme.ts') },
  { name: 'fetch', message: EDGE_MESSAGE('the examples', 'examples.ts') },
]
const EDGE_PROPERTIES = [
  ...EDGE_GLOBALS.map(({ name, message }) => ({ object: 'window', property: name, message })),
  ...EDGE_GLOBALS.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
  {
    object: 'navigator',
    property: 'clipboard',
    message: EDGE_MESSAGE('the clipboard', 'clipboard.ts'),
  },
]

/** The rooms of the core that read what workloads/ finds (see docs/architecture.md). */
const ABOVE_WORKLOADS = [
  '**/security-context/**',
  '**/capabilities/**',
  '**/pss/**',
  '**/advisories/**',
  '**/fixes/**',
  '**/analyze.ts',
  '**/options.ts',
  '**/index.ts',
]
const BELOW_MESSAGE = (room) =>
  `src/core/${room} sits below the rooms that interpret it: it must not import them (docs/architecture.md).`

/** The core functions that parse YAML: the page asks the analysis worker for them instead. */
const PAGE_NEVER_PARSES = {
  group: ['**/core/index.ts'],
  importNames: [
    'analyze',
    'fixAll',
    'checkGoals',
    'evaluateGoals',
    'previewFixAll',
    'relevantFixDecisions',
  ],
  message:
    'The page never parses: ask the analysis worker (src/worker/client.ts, task table in src/worker/tasks.ts).',
}
const TESTS = ['**/*.test.ts', '**/*.test.tsx']

/** The store's wall: it derives state and renders nothing. */
const STORE_WALL = {
  group: ['**/components/**', '**/editor/**', 'monaco-editor', 'monaco-editor/*'],
  message: 'The store imports no components and no editor code.',
}

/** Components reach the lazily loaded editor only through its entry components. */
const EDITOR_ENTRY = {
  group: [
    '**/editor/*',
    '!**/editor/*-editor.tsx',
    '!**/editor/editor-handoff.ts',
    'monaco-editor',
    'monaco-editor/*',
  ],
  message:
    'Components import the editor only through its entry (src/editor/*-editor.tsx, loaded with React.lazy) or the Monaco-free editor-handoff.ts.',
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'scripts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core is plain TypeScript: no UI framework, no state library, no editor, no DOM.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_WALL }],
      'no-restricted-globals': ['error', ...NO_DOM],
    },
  },
  {
    // Inside the core, the pod template readers sit below everything that interprets them.
    files: ['src/core/workloads/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...CORE_WALL, { group: ABOVE_WORKLOADS, message: BELOW_MESSAGE('workloads') }],
        },
      ],
    },
  },
  {
    // The YAML layer (parsing, source offsets, text edits) knows nothing of Kubernetes.
    files: ['src/core/yaml/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...CORE_WALL,
            { group: [...ABOVE_WORKLOADS, '**/workloads/**'], message: BELOW_MESSAGE('yaml') },
          ],
        },
      ],
    },
  },
  {
    // The store derives state from the core; it renders nothing and never drives the editor.
    files: ['src/store/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [STORE_WALL, PAGE_NEVER_PARSES] }] },
  },
  {
    // Tests of the store stand in for the worker with the core's own `analyze`.
    files: ['src/store/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORE_WALL] }] },
  },
  {
    // Components reach the (lazily loaded) editor only through its entry components, and the
    // light preview hands its caret and keys over through the Monaco-free handoff module.
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [EDITOR_ENTRY, PAGE_NEVER_PARSES] }],
    },
  },
  {
    files: ['src/components/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [EDITOR_ENTRY] }] },
  },
  {
    // Everything else on the page's thread: the analysis runs in the worker only.
    files: ['src/*.{ts,tsx}', 'src/{editor,hooks,learn,lib}/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [PAGE_NEVER_PARSES] }] },
  },
  {
    // The link formats and the review are plain functions of the core's data: no UI, no DOM.
    files: ['src/share/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...UI_LIBRARIES,
            { group: roomsExcept('share', 'core'), message: 'src/share imports only the core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NO_DOM],
    },
  },
  {
    // The browser edges know the platform, not the app: they import no other room and no UI library.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...UI_LIBRARIES,
            { group: roomsExcept('lib'), message: 'src/lib imports nothing of the app.' },
          ],
        },
      ],
    },
  },
  {
    // Everything else reaches storage, the clipboard, the system theme and the network through
    // src/lib.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/**', 'src/share/**', 'src/lib/**'],
    rules: {
      'no-restricted-globals': ['error', ...EDGE_GLOBALS],
      'no-restricted-properties': ['error', ...EDGE_PROPERTIES],
    },
  },
  {
    files: ['e2e/**/*.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
    // Playwright fixtures call a `use` callback that is not React's hook.
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
