import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const ARGO_CD = readFileSync(
  new URL('../src/core/testdata/corpus/argoproj_argo-cd_namespace-install.yaml', import.meta.url),
  'utf8',
)

const PLAIN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`

// The "best practice" Deployment of many blog posts: lowercase "all" and no seccomp profile.
const BLOG_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["all"]
`

// Big manifests on a loaded machine: give each story room.
test.describe.configure({ timeout: 120_000 })

/** Opens the playground and waits for the editor, however long Monaco takes to load. */
async function open(page: Page): Promise<void> {
  await page.goto('/')
  await page.waitForFunction(() => window.__editor !== undefined, null, { timeout: 60_000 })
}

/** True when `locator`'s box lies within the first screen (the viewport) of `page`. */
async function inFirstScreen(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()
  return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(testInfo.project.outputDir, 'screenshots', `${name}.png`)
  const body = await page.screenshot({ path })
  await testInfo.attach(name, { body, contentType: 'image/png' })
}

test("Argo CD's manifest shows all seven workloads and their levels in the first screen", async ({
  page,
  editor,
  panel,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await open(page)
  await editor.setText(ARGO_CD)
  const level = page.getByTestId('verdict.level')
  await expect(level).toHaveAttribute('data-level', 'restricted')
  await expect(level).toContainText('All 7 workloads meet restricted')
  const rows = page.getByTestId('verdict.row')
  await expect(rows).toHaveCount(7)
  for (const row of await rows.all()) {
    await expect(row).toContainText('restricted')
    expect(await inFirstScreen(page, row)).toBe(true)
  }
  // The tab says it too.
  await expect(page).toHaveTitle(/^Restricted \(7 of 7 workloads\)/)
  const icon = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(decodeURIComponent(icon ?? '')).toContain('#116329')

  // Under the default assumptions (image USER unknown) there is no error-severity diagnostic:
  // runAsNonRoot without runAsUser is a notice on each card, naming the assumption.
  await expect(panel.diagnostics().filter({ hasText: 'error' })).toHaveCount(0)
  const notices = page.getByTestId('panel.notice')
  await expect(notices).toHaveCount(7)
  for (const notice of await notices.all()) {
    await expect(notice).toHaveAttribute('data-severity', 'info')
    await expect(notice).toContainText("starts only if the image's USER is a numeric non-zero UID")
    await expect(notice).toContainText('assumed: image USER unknown')
  }

  // A row jumps to its card.
  await rows.filter({ hasText: 'argocd-server' }).getByRole('button').click()
  const card = panel.workload('Deployment argocd-server')
  await expect(card).toBeFocused()
  expect(await inFirstScreen(page, card.locator('h3'))).toBe(true)
})

test('the kubelet error appears only when the image is said to run as root, with the real pod name', async ({
  page,
  editor,
  toolbar,
}) => {
  await open(page)
  await editor.setText(BLOG_DEPLOYMENT)
  const notice = page.getByTestId('panel.notice')
  await expect(notice).toHaveAttribute('data-severity', 'info')
  // "change" moves to the control that sets the assumption.
  await notice.getByRole('button', { name: 'change' }).click()
  const kind = toolbar.assumptions().getByLabel('Image user kind')
  await expect(kind).toBeFocused()
  await kind.selectOption({ label: 'root (0)' })
  await expect(notice).toHaveAttribute('data-severity', 'error')
  await expect(notice).toContainText(
    'container has runAsNonRoot and image will run as root (pod: "web-<hash>-<suffix>_default(<uid>)", container: app)',
  )
  await expect(notice).toContainText('assumed: image USER root (0)')
  // The reset says what it resets, and puts the image USER back to unknown.
  await toolbar.assumptions().getByRole('button', { name: 'Reset assumptions' }).click()
  await expect(notice).toHaveAttribute('data-severity', 'info')
})

test('a plain Pod shows its UID, CapEff and seccomp facts in the first screen at 1440x900', async ({
  page,
  editor,
  panel,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await open(page)
  await editor.setText(PLAIN_POD)
  const facts = panel.container('app').getByTestId('container.facts')
  await expect(facts).toContainText("runs as the image's USER")
  await expect(facts).toContainText('14 capabilities in effect')
  await expect(facts).toContainText('seccomp Unconfined')
  for (const topic of ['user', 'capabilities', 'seccomp']) {
    expect(await inFirstScreen(page, facts.locator(`[data-topic="${topic}"]`))).toBe(true)
  }
  // A single workload: the verdict without the table.
  await expect(page.getByTestId('verdict.level')).toHaveAttribute('data-level', 'baseline')
  await expect(page.getByTestId('verdict.table')).toHaveCount(0)
})

test('lowercase "all" is explained once, with one fix', async ({ page, editor, panel }) => {
  await open(page)
  await editor.setText(BLOG_DEPLOYMENT)
  const card = panel.workload('Deployment web')
  const finding = card.getByRole('listitem').filter({ has: panel.findings() }).filter({
    hasText: 'Capabilities',
  })
  await expect(finding).toHaveCount(1)
  await expect(finding.getByTestId('panel.finding.related')).toContainText('drops "all"')
  await expect(page.getByTestId('panel.fix').filter({ hasText: '"ALL"' })).toHaveCount(1)
  await expect(page.getByTestId('panel.advisory').filter({ hasText: '"all"' })).toHaveCount(0)

  // The learner's depth opens on demand and stays open for the next visit.
  const why = finding.getByTestId('panel.finding.why')
  await expect(why).toBeHidden()
  await finding.getByText('Why, how to fix, docs').click()
  await expect(why).toBeVisible()
  await page.reload()
  await expect(
    panel.workload('Deployment web').getByTestId('panel.finding.why').first(),
  ).toBeVisible()
})

test('broken YAML keeps a stale analysis and reports the exact line', async ({
  page,
  editor,
  panel,
}) => {
  await open(page)
  await editor.setText(BLOG_DEPLOYMENT)
  await expect(panel.workload('Deployment web')).toBeVisible()
  // Line 8 loses the closing brace of its flow map.
  const broken = BLOG_DEPLOYMENT.replace('matchLabels: {app: web}', 'matchLabels: {app: web')
  expect(broken.split('\n')[7]).toBe('    matchLabels: {app: web')
  await editor.setText(broken)
  const notice = page.getByTestId('panel.stale-notice')
  await expect(notice).toContainText('YAML error on line 8')
  await expect(page.getByTestId('panel.stale')).toBeVisible()
  await expect(panel.workload('Deployment web')).toBeVisible()
  await expect(page).toHaveTitle(/^YAML error/)
  await notice.getByRole('button', { name: 'Go to line 8' }).click()
  await expect.poll(async () => (await editor.cursor()).line).toBe(8)
  await editor.setText(BLOG_DEPLOYMENT)
  await expect(page.getByTestId('panel.stale')).toHaveCount(0)
  await expect(notice).toHaveCount(0)
})

test('no horizontal overflow at 320, 390 and 768 px with a long manifest', async ({
  page,
  editor,
  panel,
}) => {
  await open(page)
  await editor.setText(ARGO_CD)
  await expect(panel.workloads()).toHaveCount(7)
  for (const width of [320, 390, 768]) {
    await page.setViewportSize({ width, height: 844 })
    // Open every collapsed part too: tables and /proc lines must fit as well.
    await page.evaluate(() =>
      document.querySelectorAll('details').forEach((details) => (details.open = true)),
    )
    // Monaco follows a resize on its next layout; poll until the page has settled.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `page width at ${width} px`,
      })
      .toBeLessThanOrEqual(0)
  }
})

test('the skip link moves the keyboard past the editor to the analysis', async ({
  page,
  editor,
}) => {
  await open(page)
  await editor.ready()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the analysis' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#analysis')).toBeFocused()
  expect(page.url()).not.toContain('#analysis')
})

const SHOTS = [
  { name: 'plain-pod', text: PLAIN_POD },
  { name: 'argo-cd', text: ARGO_CD },
  { name: 'blog-deployment', text: BLOG_DEPLOYMENT },
] as const

for (const theme of ['Light', 'Dark'] as const) {
  for (const { name, text } of SHOTS) {
    test(`screenshots: ${name}, ${theme.toLowerCase()} theme, 1440 and 390 px`, async ({
      page,
      editor,
      panel,
      toolbar,
    }, testInfo) => {
      await open(page)
      await toolbar.setTheme(theme)
      await editor.setText(text)
      await expect(panel.workloads().first()).toBeVisible()
      const id = `${name}-${theme.toLowerCase()}`
      await page.setViewportSize({ width: 1440, height: 900 })
      await shoot(page, testInfo, `${id}-1440`)
      await page.setViewportSize({ width: 390, height: 844 })
      await shoot(page, testInfo, `${id}-390`)
      // On a phone the analysis sits below the editor: show it as the reader scrolls there.
      await page.locator('#analysis').evaluate((e) => e.scrollIntoView())
      await shoot(page, testInfo, `${id}-390-analysis`)
    })
  }
}
