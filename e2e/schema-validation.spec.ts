import { expect, test } from './fixtures.ts'

test('the bundled workload schema flags a wrongly typed field in the editor', async ({
  page,
  editor,
}) => {
  await page.goto('/')
  await editor.setText(
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '      securityContext:',
      '        privileged: "yes"',
      '',
    ].join('\n'),
  )
  // monaco-yaml's markers come from its own worker: this also proves the createWebWorker shim.
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window.__monaco?.editor.getModelMarkers({ owner: 'yaml' }) ?? []).map(
          (m) => `${m.startLineNumber}:${m.message}`,
        ),
      ),
    )
    .toContainEqual(expect.stringMatching(/^9:Incorrect type/))
})
