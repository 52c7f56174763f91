import type { Page } from '@playwright/test'
import { generatedManifest } from '../src/testing/generated-manifest.ts'
import { expect, test } from './fixtures.ts'

// Speed is measured, not asserted: this story prints the longest main-thread tasks while pasting
// and typing in a release-sized manifest, and fails only on a gross regression. The budget the
// page is built to (no task over 50 ms while typing, 100 ms on paste) is checked by reading the
// printed figures on a quiet machine, not here, where CI load would make it flaky.
// 500 ms was seen once on a quiet CI machine (a first-keystroke task of Monaco's), so the line
// sits at 1 s: still far below the 2.5 s and 3.2 s this story was written against.
const GROSS_REGRESSION_MS = 1000

/** 140 Deployments, 280 containers: about 4,760 lines, the size of a real release manifest. */
const MANIFEST = generatedManifest(140)

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[]
  }
}

/** Longest task (ms) that started after `since`, and how many there were. */
async function longTasksSince(page: Page, since: number) {
  return page.evaluate((t0) => {
    const tasks = (window.__longTasks ?? []).filter((t) => t.start >= t0)
    return { count: tasks.length, worst: Math.max(0, ...tasks.map((t) => t.duration)) }
  }, since)
}

async function analysisSettled(page: Page, workloads: number) {
  await expect(page.getByTestId('panel.status')).toHaveAttribute('data-updating', 'false', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('panel.workload')).toHaveCount(workloads, { timeout: 60_000 })
}

test('pasting and typing in a 4,760-line manifest keep the main thread free', async ({
  page,
  context,
  editor,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.addInitScript(() => {
    window.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks?.push({ start: entry.startTime, duration: entry.duration })
      }
    }).observe({ type: 'longtask', buffered: true })
  })
  await page.goto('/')
  await editor.ready()

  // Paste through the clipboard, as a user does.
  await page.evaluate((text) => navigator.clipboard.writeText(text), MANIFEST)
  await editor.root().locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  const pasteStart = await page.evaluate(() => performance.now())
  await page.keyboard.press('ControlOrMeta+V')
  await analysisSettled(page, 140)
  expect(await editor.text()).toBe(MANIFEST)
  const paste = await longTasksSince(page, pasteStart)

  // Twenty keys in the middle of the text, at a brisk typing pace.
  await page.evaluate(() => {
    window.__editor?.setPosition({ lineNumber: 2384, column: 30 })
    window.__editor?.revealLineInCenter(2384)
    window.__editor?.focus()
  })
  // One key first, so Monaco's one-time work on the first keystroke is not counted as typing.
  await page.keyboard.type(' ')
  await page.keyboard.press('Backspace')
  await analysisSettled(page, 140)
  const typingStart = await page.evaluate(() => performance.now())
  await page.keyboard.type('-canary-build-x1234', { delay: 80 })
  await page.keyboard.type('5', { delay: 80 })
  await analysisSettled(page, 140)
  const typed = await editor.text()
  expect(typed.length).toBe(MANIFEST.length + 20)
  const typing = await longTasksSince(page, typingStart)

  const report = `${MANIFEST.split('\n').length - 1} lines; long tasks: paste ${paste.count} (worst ${Math.round(paste.worst)} ms), typing 20 keys ${typing.count} (worst ${Math.round(typing.worst)} ms)`
  console.log(report)
  test.info().annotations.push({ type: 'long tasks', description: report })
  expect(paste.worst, report).toBeLessThan(GROSS_REGRESSION_MS)
  expect(typing.worst, report).toBeLessThan(GROSS_REGRESSION_MS)
})
