import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'src/core must not import React.' },
            {
              group: ['zustand', 'zustand/*'],
              message: 'src/core must not import the store library.',
            },
            {
              group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*'],
              message: 'src/core must not know the editor.',
            },
            {
              group: ['**/store/**', '**/components/**', '**/editor/**', '**/lib/**'],
              message: 'src/core must not import UI layers.',
            },
          ],
        },
      ],
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
    files: ['e2e/**/*.ts', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
    // Playwright fixtures call a `use` callback that is not React's hook.
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
