import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// A privileged Pod on the host network with an unresolved YAML tag: failing Pod Security checks
// with Fix buttons, advisories, and a YAML warning in the diagnostics list, all at once.
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: loud
  labels:
    team: !custom ops
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
        capabilities:
          add: [NET_ADMIN]
`

// containerd's default for a root container, as /proc/1/status prints it.
const STATUS = [
  'Name:\tsleep',
  'Pid:\t1',
  'Uid:\t0\t0\t0\t0',
  'CapInh:\t0000000000000000',
  'CapPrm:\t00000000a80425fb',
  'CapEff:\t00000000a80425fb',
  'CapBnd:\t00000000a80425fb',
  'CapAmb:\t0000000000000000',
  'NoNewPrivs:\t0',
].join('\n')

// A full axe pass takes seconds, far more on a loaded machine; each test runs two or three.
test.describe.configure({ timeout: 180_000 })

/**
 * Runs axe over everything but Monaco's own DOM (its internals are not ours to fix) and asserts no
 * violations, printing each one readably when there are some. Beyond WCAG 2.0 A/AA this also runs
 * the 2.1/2.2 AA rules (e.g. 24px targets) and axe's best practices (heading order, landmarks).
 */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('.monaco-editor')
    .analyze()
  const report = violations.map((v) =>
    [
      `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`,
      ...v.nodes.map(
        (n) => `  - ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
      ),
    ].join('\n'),
  )
  expect(violations.length, `axe violations on ${where}:\n${report.join('\n')}`).toBe(0)
}

for (const theme of ['Light', 'Dark'] as const) {
  const mode = theme === 'Light' ? 'light' : 'dark'

  test(`the playground with findings, advisories and diagnostics has no axe violations (${mode})`, async ({
    page,
    editor,
    panel,
    toolbar,
  }) => {
    await page.goto('/')
    await editor.setText(MANIFEST)
    await toolbar.setTheme(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', mode)
    const card = panel.workload('Pod loud')
    // The states under test are really on screen: failing checks with fixes, advisories, and the
    // YAML warning.
    await expect(card.getByTestId('panel.finding').first()).toBeVisible()
    await expect(card.getByTestId('panel.fix').first()).toBeVisible()
    await expect(page.getByRole('heading', { name: /Advisories/ })).toBeVisible()
    await expect(panel.diagnostics().filter({ hasText: 'Unresolved tag' })).toBeVisible()
    await expectNoViolations(page, `playground (${mode})`)
    // Collapsed parts (passing checks, pod-wide settings) are content too: check them open.
    // Opening one finding's explanation opens them all (a remembered preference): re-query.
    const closed = panel.root().locator('details:not([open])')
    for (let left = await closed.count(); left > 0; left = await closed.count())
      await closed.first().locator('summary').click()
    await expect(closed).toHaveCount(0)
    await expectNoViolations(page, `playground with every section open (${mode})`)
  })

  test(`the open examples gallery has no axe violations (${mode})`, async ({ page, toolbar }) => {
    await page.goto('/')
    await toolbar.setTheme(theme)
    await toolbar.openExamples()
    await expect(toolbar.exampleButtons().first()).toBeVisible()
    await expectNoViolations(page, `examples gallery (${mode})`)
  })

  test(`the capability decoder has no axe violations (${mode})`, async ({ page, toolbar }) => {
    await page.goto('./#/caps/a80425fb')
    await toolbar.setTheme(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', mode)
    await expect(page.getByTestId('capsh-mask')).toBeVisible()
    await expectNoViolations(page, `decoder deep link (${mode})`)

    await page.getByLabel(/Hex mask, a CapEff: line/).fill(STATUS)
    await expect(page.getByTestId('hex-CapAmb')).toBeVisible()
    await expectNoViolations(page, `decoder with a /proc status (${mode})`)

    // Bits the kernel lacks, set and clear, with the notice about them.
    await page.getByLabel('Node kernel').selectOption({ label: 'Linux 3.16–5.7 · 37' })
    await page.getByLabel(/Hex mask, a CapEff: line/).fill('ALL, BPF, 0x')
    await expect(page.getByRole('alert')).toContainText('"0x"')
    await page.getByLabel(/Hex mask, a CapEff: line/).fill('ALL, BPF')
    await expect(page.getByRole('note').filter({ hasText: 'has no CAP_BPF' })).toBeVisible()
    await expectNoViolations(page, `decoder with bits the kernel lacks (${mode})`)
  })
}

test('the keyboard can leave the editor after Ctrl+M, as the hint below it says', async ({
  page,
  editor,
  panel,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  await expect(page.getByTestId('editor.keys')).toContainText('Ctrl+M')
  await editor.root().locator('.view-lines').click()
  const inEditor = () =>
    page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)
  expect(await inEditor()).toBe(true)
  // Tab indents by default (Monaco keeps focus) ...
  await page.keyboard.press('Tab')
  expect(await inEditor()).toBe(true)
  // ... and after toggling tab focus mode it moves on to the analysis panel.
  await page.keyboard.press('Control+M')
  await page.keyboard.press('Tab')
  expect(await inEditor()).toBe(false)
  await expect(panel.root().locator(':focus')).toHaveCount(1)
})
