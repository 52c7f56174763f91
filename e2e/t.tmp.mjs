import { chromium } from '@playwright/test'
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
const t0 = Date.now()
await page.goto(`http://127.0.0.1:${process.argv[2]}/`)
await page.waitForFunction(() => window.__editor !== undefined, null, { timeout: 90000 })
console.log('editor after', Date.now() - t0, 'ms')
await browser.close()
