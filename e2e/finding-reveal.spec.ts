import { expect, test } from './fixtures.ts'

const MANIFEST = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: risky',
  'spec:',
  '  hostPID: true',
  '  containers:',
  '    - name: app',
  '      image: nginx',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n')

test('clicking a failing check moves the editor caret to the offending field', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)

  const privileged = panel.findings().filter({ hasText: 'privileged' }).first()
  await privileged.click()
  await expect.poll(async () => (await editor.cursor()).line).toBe(11)
  expect((await editor.cursor()).selected).toContain('privileged')

  const hostNamespaces = panel.findings().filter({ hasText: 'Host Namespaces' })
  await hostNamespaces.click()
  await expect.poll(async () => (await editor.cursor()).line).toBe(6)

  // The same findings are markers in the editor, so hovering the line explains them.
  await expect.poll(() => editor.markers()).toContain('4:11:privileged')
})

test('a finding clicked while the editor is still loading is revealed when it arrives', async ({
  page,
  editor,
  panel,
}) => {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/code-editor-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/')
  // The panel paints from the store before Monaco arrives: the starter Pod's first finding.
  await panel.findings().first().click()
  await expect(editor.root()).toHaveCount(0)
  release()
  await editor.ready()
  await expect.poll(async () => (await editor.cursor()).line).toBeGreaterThan(1)
})
