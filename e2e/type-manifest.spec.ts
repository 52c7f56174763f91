import { expect, test } from './fixtures.ts'

test('typing a manifest key by key updates the panel as you type', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: typed',
    'spec:',
    '  containers:',
    '    - name: box',
    '      image: busybox',
    '      securityContext:',
    '        privileged: true',
  ]
  await editor.typeLines(lines)

  expect(await editor.text()).toBe(lines.join('\n'))
  await expect(panel.workload('Pod typed')).toBeVisible()
  await expect(panel.workload('Pod typed').getByTestId('panel.level')).toHaveAttribute(
    'data-level',
    'privileged',
  )
  await expect(panel.capLine('box', 'CapEff')).toHaveText('000001ffffffffff')
})

test('broken YAML shows the error with its line and keeps the text', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText('apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n')
  // The starter Pod was readable: its analysis stays, marked stale, under the error and its line.
  await expect(page.getByTestId('panel.stale-notice')).toContainText('YAML error on line 4')
  await expect(page.getByTestId('panel.stale')).toBeVisible()
  expect(await editor.text()).toContain('containers: [')
  // With nothing readable before, the panel says the YAML could not be read.
  await editor.setText('')
  await expect(panel.empty()).toBeVisible()
  await editor.setText('apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n')
  await expect(panel.diagnostics().first()).toContainText(/line \d+/)
  await expect(panel.empty()).toContainText('could not be read')
})
