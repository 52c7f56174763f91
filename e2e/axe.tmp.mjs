import { chromium } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
const text = readFileSync(process.argv[2], 'utf8')
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
const page = await context.newPage()
await page.goto('http://127.0.0.1:4282/')
await page.waitForFunction(() => window.__editor !== undefined, null, { timeout: 90000 })
await page.evaluate((t) => window.__editor.setValue(t), text)
for (const theme of ['Light', 'Dark']) {
  await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: theme }).click()
  await page.waitForTimeout(1000)
  for (const open of [false, true]) {
    if (open) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).exclude('.monaco-editor').analyze()
    console.log(theme, open, violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '').slice(0, 200)).join(' | ')}`))
  }
}
await browser.close()
