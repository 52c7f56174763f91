import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// Tabs, astral characters and no trailing newline: a link must carry every byte.
const MANIFEST = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: shared # 🚀 \tcomment',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx',
].join('\n')

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog.getByTestId('share-link')).toHaveValue(/#\/share\/1\//)
  const link = await dialog.getByTestId('share-link').inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()
  return link
}

test('a share link opens the same text and assumptions in a fresh browser', async ({
  page,
  browser,
  editor,
  toolbar,
}) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  await toolbar.setRuntime('CRI-O')
  const link = await shareLink(page)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(link)
  await expect(other.getByTestId('link-notice')).toContainText('You opened a shared manifest')
  await other.waitForFunction(() => window.__editor !== undefined)
  await expect.poll(() => other.evaluate(() => window.__editor?.getValue())).toBe(MANIFEST)
  await expect(other.getByRole('form', { name: 'Assumptions' }).getByLabel('Runtime')).toHaveValue(
    'cri-o',
  )
  // The link is consumed: a reload keeps the text through storage, not by reopening the link.
  await expect(other).toHaveURL(/#\/$/)
  await fresh.close()
})

test('opening a link keeps the user’s own text one click away', async ({ page, editor }) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const link = await shareLink(page)
  const mine = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\n'
  await editor.setText(mine)

  await page.goto(link)
  await expect(page.getByTestId('link-notice')).toBeVisible()
  await expect.poll(() => editor.text()).toBe(MANIFEST)
  await page.getByRole('button', { name: 'Restore your previous text' }).click()
  await expect.poll(() => editor.text()).toBe(mine)
  await expect(page.getByTestId('link-notice')).toHaveCount(0)
})

test('a tampered link says so and leaves the user’s text alone', async ({ page, editor }) => {
  await page.goto('/')
  await editor.setText(MANIFEST)
  const link = await shareLink(page)
  const mine = 'kind: Pod\nmetadata:\n  name: untouched\n'
  await editor.setText(mine)

  const at = link.length - 10
  const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1)
  await page.goto(tampered)
  const notice = page.getByTestId('link-notice')
  await expect(notice).toContainText('This share link is damaged')
  await expect(notice).toContainText('Your own text is unchanged')
  expect(await editor.text()).toBe(mine)

  await page.goto(link.replace('#/share/1/', '#/share/7/'))
  await expect(notice).toContainText('newer version of the playground (format 7)')
  expect(await editor.text()).toBe(mine)
})

test('a manifest too long for a link offers a file instead', async ({ page, editor }) => {
  await page.goto('/')
  // Text that does not compress: 48,000 random base-36 digits (about 5.2 bits each).
  const noise = await page.evaluate(() =>
    Array.from(crypto.getRandomValues(new Uint8Array(48_000)), (b) => (b % 36).toString(36)).join(
      '',
    ),
  )
  await editor.setText(`# ${noise}\nkind: Pod\n`)
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByTestId('share-dialog')
  await expect(dialog.getByRole('alert')).toContainText('could arrive cut off')
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download YAML' }).click()
  expect((await download).suggestedFilename()).toBe('manifest.yaml')
})

test('Copy review puts a Markdown verdict table on the clipboard; Download YAML saves the text', async ({
  page,
  context,
  editor,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await editor.setText(MANIFEST)
  await page.getByRole('button', { name: 'Copy review' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Review copied' })).toBeVisible()
  const review = await page.evaluate(() => navigator.clipboard.readText())
  expect(review).toContain('| Workload | Pod Security (latest) | Failing checks | Containers |')
  expect(review).toContain('| Pod shared | ⚠️ baseline | 4 | app |')
  // The image USER is unknown by default; the sets are computed as root, the worst case.
  expect(review).toContain('| `app` | unknown, from image USER, assumed | `00000000a80425fb` |')
  expect(review).toMatch(
    /\[Open this manifest in the playground\]\(http:\/\/127\.0\.0\.1:\d+\/#\/share\/1\//,
  )

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download YAML' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('shared.yaml')
  const { readFile } = await import('node:fs/promises')
  expect(await readFile((await file.path())!, 'utf8')).toBe(MANIFEST)
})
