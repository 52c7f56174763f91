import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** What src/core must never import: UI frameworks, the store, the editor, the browser edges. */
const CORE_WALL = [
  { group: ['react', 'react-*', 'react/*'], message: 'src/core must not import React.' },
  { group: ['zustand', 'zustand/*'], message: 'src/core must not import the store library.' },
  {
    group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*'],
    message: 'src/core must not know the editor.',
  },
  {
    group: ['**/store/**', '**/components/**', '**/editor/**', '**/lib/**'],
    message: 'src/core must not import UI layers.',
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
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/core has no DOM.' },
        { name: 'document', message: 'src/core has no DOM.' },
        { name: 'localStorage', message: 'src/core has no DOM.' },
        { name: 'navigator', message: 'src/core has no DOM.' },
        { name: 'fetch', message: 'src/core makes no network request.' },
      ],
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
    files: ['e2e/**/*.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
    // Playwright fixtures call a `use` callback that is not React's hook.
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
