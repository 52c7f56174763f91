// monaco-yaml's worker imports prettier (about half of the worker, 150 KB gzip) only to format
// documents. The playground offers no formatting (`format: false` in monaco-setup.ts), so
// vite.config.ts resolves prettier's entry points to this module instead.
export function format(): Promise<string> {
  return Promise.reject(new Error('Formatting is not part of the playground'))
}
