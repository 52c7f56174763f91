import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const MANIFEST = [
  '# Reviewed by the platform team. Keep this comment.',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web # the front end',
  'spec:',
  '  containers:',
  '  - name: app # the main container',
  '    image: nginx',
  '    securityContext:',
  '      privileged: true # needed?',
  '---',
  '# Not a workload: left as it is.',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web}',
  '',
].join('\n')

/** The lines the diff preview marks as removed and as added. */
async function diffLines(page: Page): Promise<{ removed: string[]; added: string[] }> {
  await page.waitForFunction(() => window.__fixDiff?.getLineChanges() != null)
  return page.evaluate(() => {
    const diff = window.__fixDiff
    const models = diff?.getModel()
    const removed: string[] = []
    const added: string[] = []
    for (const change of diff?.getLineChanges() ?? []) {
      for (let n = change.originalStartLineNumber; n <= change.originalEndLineNumber; n++) {
        if (n > 0) removed.push(models?.original.getLineContent(n) ?? '')
      }
      for (let n = change.modifiedStartLineNumber; n <= change.modifiedEndLineNumber; n++) {
        if (n > 0) added.push(models?.modified.getLineContent(n) ?? '')
      }
    }
    return { removed, added }
  })
}

test('fix all to restricted: a diff of only the needed lines, one change, Ctrl+Z restores it', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const card = panel.workload('Pod web')
  await expect(card.getByTestId('panel.level')).toHaveAttribute('data-level', 'privileged')

  await card.locator('[data-testid="fixall.open"][data-level="restricted"]').click()
  const dialog = page.getByTestId('fixall.dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: /Fix all to restricted/ })).toBeVisible()
  // The diff is computed in Monaco's worker: poll until it is there.
  await expect
    .poll(() => diffLines(page))
    .toEqual({
      removed: ['      privileged: true # needed?'],
      added: [
        '      privileged: false # needed?',
        '      capabilities:',
        '        drop:',
        '        - ALL',
        '      allowPrivilegeEscalation: false',
        '  securityContext:',
        '    runAsUser: 65532',
        '    runAsNonRoot: true',
        '    seccompProfile:',
        '      type: RuntimeDefault',
      ],
    })
  await expect(dialog.getByTestId('fixall.verdict')).toContainText('restricted')

  // A decision changes the preview: another UID.
  await dialog.getByTestId('fixall.uid').fill('1000')
  await expect.poll(async () => (await diffLines(page)).added).toContain('    runAsUser: 1000')

  await dialog.getByTestId('fixall.apply').click()
  await expect(dialog).toBeHidden()
  await expect(card.getByTestId('panel.level')).toHaveAttribute('data-level', 'restricted')
  const fixed = await editor.text()
  for (const comment of MANIFEST.split('\n').filter((line) => line.includes('#'))) {
    expect(fixed).toContain(comment.replace('true', 'false'))
  }
  expect(fixed).toContain('kind: Service\nmetadata: {name: web}\n')

  // One edit: the editor has focus, and one Ctrl+Z brings back the text byte for byte.
  await expect(editor.root().locator('.monaco-editor')).toHaveClass(/focused/)
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => editor.text()).toBe(MANIFEST)
  await expect(card.getByTestId('panel.level')).toHaveAttribute('data-level', 'privileged')
})

test('Cancel and Escape leave the text alone', async ({ page, editor, panel }) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const open = panel
    .workload('Pod web')
    .locator('[data-testid="fixall.open"][data-level="baseline"]')
  await open.click()
  await page.getByTestId('fixall.cancel').click()
  await expect(page.getByTestId('fixall.dialog')).toBeHidden()
  await open.click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('fixall.dialog')).toBeHidden()
  expect(await editor.text()).toBe(MANIFEST)
})

test('the quick fix on a marker makes the same edit as the panel button', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const card = panel.workload('Pod web')
  const button = card.getByTestId('panel.fix').filter({ hasText: 'privileged' }).first()
  const title = ((await button.textContent()) ?? '').replace('Apply fix: ', '')
  await button.click()
  const byButton = await editor.text()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => editor.text()).toBe(MANIFEST)
  await expect(card.getByTestId('panel.fix').filter({ hasText: title })).toHaveCount(1)

  // Put the caret on the marker and ask for quick fixes, as Ctrl+. does.
  await page.evaluate(() => {
    const marker = window.__monaco?.editor
      .getModelMarkers({ owner: 'playground' })
      .find((m) => (typeof m.code === 'object' ? m.code.value : m.code) === 'privileged')
    if (!marker) throw new Error('no privileged marker')
    window.__editor?.setPosition({ lineNumber: marker.startLineNumber, column: marker.startColumn })
    window.__editor?.focus()
  })
  await page.keyboard.press('ControlOrMeta+.')
  const action = page.locator('.action-widget').getByText(title, { exact: true })
  await expect(action).toBeVisible()
  await action.click()
  await expect.poll(() => editor.text()).toBe(byButton)
})
