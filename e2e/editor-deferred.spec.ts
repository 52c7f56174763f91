import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/** Holds the editor chunk back until `release` is called, as a slow network would. */
async function holdEditorChunk(page: Page): Promise<{ release: () => void; asked: () => boolean }> {
  let release = () => {}
  let asked = false
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/code-editor-[^/]*\.js$/, async (route) => {
    asked = true
    await held
    await route.continue()
  })
  return { release, asked: () => asked }
}

test('the manifest and the verdict show before any editor code has loaded', async ({
  page,
  editor,
  panel,
}) => {
  const chunk = await holdEditorChunk(page)
  await page.goto('/')
  await expect(editor.preview()).toContainText('kind: Pod')
  await expect(editor.preview().locator('span', { hasText: /^kind$/ })).toHaveCSS(
    'color',
    'rgb(0, 128, 128)',
  )
  await expect(panel.workload('Pod web')).toBeVisible()
  await expect(panel.capLine('app', 'CapEff')).toHaveText('00000000a80425fb')
  expect(chunk.asked()).toBe(false)
  chunk.release()
})

test('keys typed while the editor loads are all kept, at the caret, and the editor takes focus', async ({
  page,
  editor,
}) => {
  const chunk = await holdEditorChunk(page)
  await page.goto('/')
  // Click at the end of line 9 (`      image: nginx:1.27`), then type before Monaco has arrived.
  const value = editor.preview().locator('span', { hasText: /^ nginx:1\.27$/ })
  const box = await value.boundingBox()
  await value.click({ position: { x: (box?.width ?? 2) - 1, y: (box?.height ?? 2) / 2 } })
  await expect.poll(chunk.asked).toBe(true)
  await page.keyboard.type('-alpine')
  await page.keyboard.press('Backspace')
  chunk.release()
  await editor.ready()

  expect(await editor.text()).toContain('      image: nginx:1.27-alpin\n')
  await expect(editor.root().locator('.monaco-editor')).toHaveClass(/focused/)
  await page.keyboard.type('e')
  expect(await editor.text()).toContain('      image: nginx:1.27-alpine\n')
})
