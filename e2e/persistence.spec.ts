import { expect, test } from './fixtures.ts'

test('the editor text and assumptions survive a reload', async ({
  page,
  editor,
  panel,
  toolbar,
}) => {
  await page.goto('/')
  await editor.typeLines(['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kept', 'spec:'])
  await page.keyboard.press('Escape')
  await page.keyboard.press('Enter')
  await page.keyboard.type('containers: [{name: c, image: x}]')
  await toolbar.setRuntime('CRI-O')
  const typed = await editor.text()

  await page.reload()
  await editor.ready()
  expect(await editor.text()).toBe(typed)
  await expect(panel.workload('Pod kept')).toBeVisible()
  await expect(toolbar.assumptions().getByLabel('Runtime')).toHaveValue('cri-o')
  await expect(panel.capLine('c', 'CapEff')).toHaveText('00000000000005fb')
})
