import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
const [,, file, width = '1440', theme = 'light', out = '/tmp/h9/shot.png', extra = ''] = process.argv
const text = readFileSync(file, 'utf8')
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(width) > 800 ? 900 : 844 } })
await page.goto('http://127.0.0.1:4282/')
await page.waitForFunction(() => window.__editor !== undefined, null, { timeout: 60000 })
await page.evaluate((t) => window.__editor.setValue(t), text)
await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: theme === 'dark' ? 'Dark' : 'Light' }).click()
await page.waitForTimeout(800)
if (extra === 'analysis') await page.locator('#analysis').evaluate((e) => e.scrollIntoView())
if (extra === 'full') { await page.screenshot({ path: out, fullPage: true }) } else await page.screenshot({ path: out })
const sw = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth, document.title])
console.log(sw)
await browser.close()
