import { expect, test } from './fixtures.ts'

// Screenshots of the decoder and the examples gallery in both themes at desktop and phone widths,
// attached to the report so a person can look at them; each also asserts no sideways scrolling.
const STATUS = [
  'Name:\tsleep',
  'Uid:\t0\t0\t0\t0',
  'CapInh:\t0000000000000000',
  'CapPrm:\t00000000a80425fb',
  'CapEff:\t00000000a80425fb',
  'CapBnd:\t000001ffffffffff',
  'CapAmb:\t0000000000000000',
].join('\n')

for (const theme of ['Light', 'Dark'] as const) {
  for (const width of [1440, 390]) {
    const size = { width, height: width > 800 ? 900 : 844 }

    test(`decoder screenshot, ${theme.toLowerCase()}, ${width} px`, async ({ page }, testInfo) => {
      await page.setViewportSize(size)
      await page.goto(`./#/caps/${encodeURIComponent(STATUS)}`)
      await page
        .getByRole('group', { name: 'Colour theme' })
        .getByRole('button', { name: theme })
        .click()
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase())
      await expect(page.getByTestId('hex-CapAmb')).toBeVisible()
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ])
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
      await testInfo.attach(`decoder-${theme.toLowerCase()}-${width}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      })
    })

    test(`gallery screenshot, ${theme.toLowerCase()}, ${width} px`, async ({
      page,
      toolbar,
    }, testInfo) => {
      await page.setViewportSize(size)
      await page.goto('/')
      await toolbar.setTheme(theme)
      await toolbar.openExamples()
      const gallery = page.getByTestId('examples.gallery')
      await expect(toolbar.exampleButtons().first()).toBeVisible()
      const box = await gallery.boundingBox()
      expect(box?.width ?? Infinity).toBeLessThanOrEqual(width)
      await testInfo.attach(`gallery-${theme.toLowerCase()}-${width}.png`, {
        body: await gallery.screenshot(),
        contentType: 'image/png',
      })
    })
  }
}
