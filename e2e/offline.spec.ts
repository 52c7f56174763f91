import { expect, test } from './fixtures.ts'

test('the playground works with the network blocked and asks nothing off-origin', async ({
  page,
  context,
  editor,
  panel,
  toolbar,
}) => {
  const offOrigin: string[] = []
  await context.route('**', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1') return route.continue()
    offOrigin.push(url.href)
    return route.abort('internetdisconnected')
  })

  await page.goto('/')
  await editor.ready()
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000a80425fb')
  await toolbar.openExamples()
  await toolbar.exampleButtons().filter({ hasText: 'Privileged container' }).click()
  await expect(panel.capLine('admin', 'CapEff')).toHaveText('000001ffffffffff')
  // The YAML worker starts and answers: hover, folding and validation run locally.
  await page.evaluate(() => window.__editor?.focus())

  // Sharing, the review, lessons and challenges work offline too.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy review' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Review copied' })).toBeVisible()
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const link = await page.getByTestId('share-link').inputValue()
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click()
  await editor.setText('kind: Pod\n')
  await page.goto(link)
  await expect(page.getByTestId('link-notice')).toContainText('You opened a shared manifest')
  await expect(panel.capLine('admin', 'CapEff')).toHaveText('000001ffffffffff')
  await page.goto('./#/learn/seccomp')
  await expect(page.getByTestId('goal-conditions')).toBeVisible()
  await page.goto('./#/challenge/new')
  await page.getByLabel('Title').fill('Offline')
  await page.getByRole('button', { name: 'Add condition' }).click()
  await page.getByRole('button', { name: 'Create challenge link' }).click()
  await page.goto(await page.getByTestId('challenge-link').inputValue())
  await expect(page.getByTestId('goal-conditions')).toBeVisible()

  expect(offOrigin).toEqual([])
})
