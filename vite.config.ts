/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: {
    alias: [
      // monaco-worker-manager 2.0.1 (used by monaco-yaml) still imports the pre-0.56 deep path.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
      // Formatting is off, so monaco-yaml's worker does without prettier (see no-prettier.ts).
      {
        find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/,
        replacement: fileURLToPath(new URL('./src/editor/no-prettier.ts', import.meta.url)),
      },
    ],
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // The lazily loaded Monaco chunk is ~3.8 MB raw; the size report in scripts/ tracks it instead.
  build: {
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // The core and the yaml library run nothing when imported (plain functions and constant
      // tables), so the page keeps only the facts it renders; the parser, the checks' logic and
      // the fixes stay in the analysis worker instead of the first paint.
      treeshake: {
        moduleSideEffects: (id) => !/[\\/](src[\\/]core|node_modules[\\/]yaml)[\\/]/.test(id),
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    // CI asks for a JSON report too, to print one pass/fail total over unit and e2e tests.
    reporters: process.env.VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
      : ['default'],
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
})
