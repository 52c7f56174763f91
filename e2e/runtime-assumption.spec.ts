import { expect, test } from './fixtures.ts'

test('switching the runtime to CRI-O re-analyses with its default capabilities', async ({
  page,
  editor,
  panel,
  toolbar,
}) => {
  await page.goto('/')
  await editor.setText(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx\n',
  )
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000a80425fb')

  await toolbar.setRuntime('CRI-O')
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000000005fb')

  await toolbar.setRuntime('containerd')
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000a80425fb')
})
