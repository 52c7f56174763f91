import { expect, test } from './fixtures.ts'

const MANIFEST = [
  '# Reviewed by the platform team. Keep this comment.',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: app # the main container',
  '      image: nginx',
  '      securityContext:',
  '        runAsUser: 1000',
  '',
].join('\n')

test('a one-click fix edits the text in place, keeps comments, and Ctrl+Z takes it back', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const card = panel.workload('Pod web')
  const escalation = card
    .getByTestId('panel.finding')
    .filter({ hasText: 'allowPrivilegeEscalation' })
  await expect(escalation).toHaveCount(1)

  await card.getByTestId('panel.fix').filter({ hasText: 'allowPrivilegeEscalation' }).click()

  await expect(escalation).toHaveCount(0)
  const fixed = await editor.text()
  expect(fixed).toContain('allowPrivilegeEscalation: false')
  expect(fixed).toContain('# Reviewed by the platform team. Keep this comment.')
  expect(fixed).toContain('    - name: app # the main container')
  // Only the fixed container's securityContext changed: every original line is still there.
  for (const line of MANIFEST.split('\n')) expect(fixed).toContain(line)

  // The editor takes focus with the change selected, so Ctrl+Z undoes the fix straight away.
  await expect(editor.root().locator('.monaco-editor')).toHaveClass(/focused/)
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => editor.text()).toBe(MANIFEST)
  await expect(escalation).toHaveCount(1)
})

test('fixing every finding one by one reaches restricted', async ({ page, editor, panel }) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const card = panel.workload('Pod web')
  const fixes = card.getByTestId('panel.fix')
  for (let round = 0; round < 10 && (await fixes.count()) > 0; round++) {
    await fixes.first().click()
  }
  await expect(card.getByTestId('panel.level')).toHaveAttribute('data-level', 'restricted')
  expect(await editor.text()).toContain('# Reviewed by the platform team. Keep this comment.')
})
