import { join } from 'node:path'
import { expect, test } from './fixtures.ts'

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: themed
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx
      securityContext:
        runAsUser: 1000
        capabilities:
          add: [NET_ADMIN]
`

for (const theme of ['Light', 'Dark'] as const) {
  test(`the ${theme.toLowerCase()} theme renders editor and panel`, async ({
    page,
    editor,
    panel,
    toolbar,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto('/')
    await editor.setText(MANIFEST)
    await toolbar.setTheme(theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase())
    await expect(panel.workload('Pod themed')).toBeVisible()
    await expect(page.locator('.monaco-editor')).toHaveClass(
      theme === 'Dark' ? /vs-dark/ : /\bvs\b/,
    )

    const path = join(testInfo.project.outputDir, 'screenshots', `theme-${theme.toLowerCase()}.png`)
    const shot = await page.screenshot({ path })
    await testInfo.attach(`theme-${theme.toLowerCase()}`, { body: shot, contentType: 'image/png' })
    // The panel scrolls inside a 100vh layout: make the viewport tall enough for the whole card.
    await page.setViewportSize({ width: 1440, height: 2600 })
    const card = await panel.container('app').screenshot({
      path: join(testInfo.project.outputDir, 'screenshots', `container-${theme.toLowerCase()}.png`),
    })
    await testInfo.attach(`container-${theme.toLowerCase()}`, {
      body: card,
      contentType: 'image/png',
    })
  })
}

test('narrow screens stack the editor above the panel', async ({
  page,
  editor,
  panel,
}, testInfo) => {
  await page.setViewportSize({ width: 600, height: 900 })
  await page.goto('/')
  await editor.setText(MANIFEST)
  await expect(panel.workload('Pod themed')).toBeVisible()
  const editorBox = await editor.root().boundingBox()
  const panelBox = await panel.root().boundingBox()
  expect(editorBox && panelBox && panelBox.y >= editorBox.y + editorBox.height - 1).toBe(true)
  const shot = await page.screenshot({
    path: join(testInfo.project.outputDir, 'screenshots', 'narrow.png'),
    fullPage: true,
  })
  await testInfo.attach('narrow', { body: shot, contentType: 'image/png' })
})
