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

test('assumption fields keep what is typed, commit valid values and flag the rest', async ({
  page,
  editor,
  panel,
  toolbar,
}) => {
  await page.goto('/')
  await editor.setText(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      securityContext: {privileged: true}\n',
  )
  const bar = toolbar.assumptions()

  // A kernel the playground cannot read is flagged and the last valid one stays in use.
  const kernel = bar.getByLabel('Node kernel')
  await kernel.fill('abc')
  await expect(kernel).toHaveValue('abc')
  await expect(kernel).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.capLine('app', 'CapEff')).toHaveText('000001ffffffffff')
  // `uname -r` output is understood: 5.4 has cap_last_cap 37.
  await kernel.fill('5.4.0-150-generic')
  await expect(kernel).not.toHaveAttribute('aria-invalid', 'true')
  await expect(panel.capLine('app', 'CapEff')).toHaveText('0000003fffffffff')

  // UID 0 typed into the UID field keeps the field; a UID out of the kubelet's range is reported.
  await bar.getByLabel('Image user kind').selectOption({ label: 'UID' })
  const uid = bar.getByLabel('Image UID')
  await uid.fill('0')
  await expect(uid).toBeVisible()
  await expect(uid).toBeFocused()
  await editor.setText(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: app\n      image: nginx\n',
  )
  await uid.fill('99999999999')
  // The kubelet's refusal rests on the assumed image USER: it is shown on the card, naming it.
  const refusal = page.getByTestId('panel.notice').filter({
    hasText: 'invalid user id (99999999999)',
  })
  await expect(refusal).toHaveCount(1)
  await expect(refusal).toContainText('assumed: image USER 99999999999')
})
