import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'

test('every example loads in one click with no YAML syntax diagnostic', async ({
  page,
  editor,
  panel,
  toolbar,
}) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await editor.ready()
  await toolbar.openExamples()
  const count = await toolbar.exampleButtons().count()
  expect(count).toBeGreaterThanOrEqual(22)

  for (let i = 0; i < count; i++) {
    await toolbar.openExamples()
    const button = toolbar.exampleButtons().nth(i)
    const file = await button.getAttribute('data-file')
    await button.click()
    await expect(page.getByTestId('examples.gallery')).toBeHidden()
    const expected = readFileSync(
      join(import.meta.dirname, '../public/examples', file ?? ''),
      'utf8',
    )
    await expect.poll(() => editor.text(), { message: file ?? '' }).toBe(expected)
    await expect(panel.workloads().first(), `${file} shows a workload`).toBeVisible()
    await expect(panel.diagnostics().and(page.locator('[data-code="yaml-syntax"]'))).toHaveCount(0)
    await expect(panel.diagnostics().filter({ hasText: /^error/ }), file ?? '').toHaveCount(0)
  }
})

test('the hardened Deployment example passes restricted', async ({ page, panel, toolbar }) => {
  await page.goto('/')
  await toolbar.openExamples()
  await toolbar.exampleButtons().filter({ hasText: 'Hardened Deployment' }).click()
  await expect(panel.workload('Deployment hardened').getByTestId('panel.level')).toHaveAttribute(
    'data-level',
    'restricted',
  )
  await expect(panel.findings()).toHaveCount(0)
})

test('the gallery works from the keyboard: focus moves in, Escape closes, a pick focuses the editor', async ({
  page,
  editor,
}) => {
  await page.goto('/')
  await editor.ready()
  const examples = page.getByRole('button', { name: 'Examples', exact: true })
  await examples.focus()
  await page.keyboard.press('Enter')
  const gallery = page.getByTestId('examples.gallery')
  await expect(gallery.getByRole('button').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(gallery).toHaveCount(0)
  await expect(examples).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(gallery.getByRole('button').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(editor.root().locator('.monaco-editor')).toHaveClass(/focused/)
  expect(await editor.text()).not.toBe('')
})

test('the gallery groups examples by topic, each with its level badge', async ({
  page,
  panel,
  toolbar,
}) => {
  await page.goto('/')
  await toolbar.openExamples()
  const gallery = page.getByTestId('examples.gallery')
  await expect(gallery.getByRole('heading')).toHaveText([
    'Capabilities',
    'Users',
    'Privilege escalation',
    'Seccomp',
    'AppArmor',
    'Host namespaces',
    'Volumes',
    'Resources',
    'All together',
    'Real-world manifests',
    'Workload kinds',
  ])
  // Every example shows its level in words.
  for (const button of await toolbar.exampleButtons().all()) {
    const level = await button.getAttribute('data-level')
    expect(['privileged', 'baseline', 'restricted']).toContain(level)
    await expect(button).toContainText(level ?? '')
  }
  // The badge is what the panel says once the example is loaded.
  const privileged = gallery
    .getByRole('region', { name: 'Privilege escalation' })
    .getByRole('button', { name: /Privileged container/ })
  await expect(privileged).toHaveAttribute('data-level', 'privileged')
  await privileged.click()
  await expect(panel.workloads().first().getByTestId('panel.level')).toHaveAttribute(
    'data-level',
    'privileged',
  )
})
