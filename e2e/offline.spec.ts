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

  expect(offOrigin).toEqual([])
})
