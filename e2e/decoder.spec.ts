import { test, expect, type Page } from '@playwright/test'

// containerd's default for a root container, as /proc/1/status prints it (reference §4.3).
const STATUS = [
  'Name:\tsleep',
  'Umask:\t0022',
  'State:\tS (sleeping)',
  'Pid:\t1',
  'Uid:\t0\t0\t0\t0',
  'CapInh:\t0000000000000000',
  'CapPrm:\t00000000a80425fb',
  'CapEff:\t00000000a80425fb',
  'CapBnd:\t00000000a80425fb',
  'CapAmb:\t0000000000000000',
  'NoNewPrivs:\t0',
  'Seccomp:\t2',
].join('\n')

// `capsh --decode=a80425fb` with libcap 2.66 (reference §1.3).
const CAPSH_DEFAULT =
  '0x00000000a80425fb=cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_net_raw,cap_sys_chroot,cap_mknod,cap_audit_write,cap_setfcap'

const input = (page: Page) => page.getByLabel(/Hex mask, a CapEff: line/)
const bit = (page: Page, n: number) => page.getByRole('button', { name: new RegExp(`^Bit ${n},`) })

test.describe('capability decoder', () => {
  test('a deep link decodes the mask like capsh', async ({ page }) => {
    await page.goto('./#/caps/a80425fb')
    await expect(input(page)).toHaveValue('a80425fb')
    await expect(page.getByTestId('capsh-mask')).toHaveText(CAPSH_DEFAULT)
    const names = page.getByRole('list', { name: 'Capabilities in mask' })
    await expect(names.getByRole('listitem')).toHaveCount(14)
    await expect(names).toContainText('CAP_NET_BIND_SERVICE')
    await expect(names).toContainText('Bind to privileged ports')
    // CAP_NET_RAW carries a risk note, and every name says which kernel introduced it.
    await expect(names.getByRole('listitem').filter({ hasText: 'CAP_NET_RAW' })).toContainText(
      'Risk:',
    )
    await expect(names.getByRole('listitem').first()).toContainText('Linux 2.2')
  })

  test('a pasted /proc status shows all five sets side by side', async ({ page }) => {
    await page.goto('./#/caps/')
    await input(page).fill(STATUS)
    for (const [label, hex] of [
      ['CapInh', '0000000000000000'],
      ['CapPrm', '00000000a80425fb'],
      ['CapEff', '00000000a80425fb'],
      ['CapBnd', '00000000a80425fb'],
      ['CapAmb', '0000000000000000'],
    ] as const) {
      await expect(page.getByTestId(`hex-${label}`)).toHaveText(hex)
    }
    await expect(page.getByRole('list', { name: 'Capabilities in CapEff' })).toContainText(
      'CAP_SETFCAP',
    )
    // The shared link carries only the Cap lines, not the process name.
    const hash = decodeURIComponent(new URL(page.url()).hash)
    expect(hash).toContain('CapEff:\t00000000a80425fb')
    expect(hash).not.toContain('sleep')
  })

  test('clicking a bit toggles it and updates hex, field and link', async ({ page }) => {
    await page.goto('./#/caps/')
    const netBind = bit(page, 10)
    await expect(netBind).toHaveAttribute('aria-pressed', 'false')
    await netBind.click()
    await expect(netBind).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000400')
    await expect(input(page)).toHaveValue('0000000000000400')
    expect(new URL(page.url()).hash).toBe('#/caps/0000000000000400')

    // Keyboard: Tab-reachable buttons, Space toggles.
    await bit(page, 0).focus()
    await page.keyboard.press('Space')
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000401')
    await netBind.click()
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000001')
  })

  test('toggling a set of a pasted status rewrites only that line', async ({ page }) => {
    await page.goto('./#/caps/')
    await input(page).fill(STATUS)
    await page.getByLabel('Show and edit').selectOption('CapBnd')
    await bit(page, 13).click()
    await expect(page.getByTestId('hex-CapBnd')).toHaveText('00000000a80405fb')
    await expect(page.getByTestId('hex-CapEff')).toHaveText('00000000a80425fb')
    await expect(input(page)).toHaveValue(
      STATUS.replace('CapBnd:\t00000000a80425fb', 'CapBnd:\t00000000a80405fb'),
    )
  })

  test('unknown bits are marked and decoded as numbers', async ({ page }) => {
    await page.goto('./#/caps/20000000000')
    await expect(bit(page, 41)).toHaveAttribute('aria-pressed', 'true')
    await expect(bit(page, 41)).toHaveAttribute('data-unknown', 'true')
    await expect(bit(page, 40)).not.toHaveAttribute('data-unknown', 'true')
    await expect(page.getByTestId('capsh-mask')).toHaveText('0x0000020000000000=41')
  })

  test('names build drop ALL + add NET_BIND_SERVICE = 0000000000000400', async ({ page }) => {
    await page.goto('./#/caps/')
    await page.getByLabel('Build the mask from names').fill('NET_BIND_SERVICE')
    await page.getByRole('button', { name: 'Set mask' }).click()
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000400')
    await expect(page.getByTestId('snippet')).toHaveText(
      'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]\n',
    )
    await expect(page.getByText('Under a non-root UID only CapBnd gets it')).toBeVisible()
  })

  test('unknown names are reported and the field is kept', async ({ page }) => {
    await page.goto('./#/caps/400')
    const names = page.getByLabel('Build the mask from names')
    await names.fill('CAP_CHOWN, NOT_A_CAP')
    await names.press('Enter')
    await expect(page.getByRole('alert').filter({ hasText: 'NOT_A_CAP' })).toBeVisible()
    await expect(names).toHaveValue('CAP_CHOWN, NOT_A_CAP')
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000400')
  })

  test('compares with a runtime default and with a second mask', async ({ page }) => {
    await page.goto('./#/caps/a80425fb')
    await expect(page.getByText('Same as the containerd default.')).toBeVisible()
    await page.getByLabel('Compare the mask with').selectOption('cri-o')
    const added = page.getByRole('list', { name: /^Added/ })
    await expect(added.getByRole('listitem')).toHaveText([
      'CAP_NET_RAW',
      'CAP_SYS_CHROOT',
      'CAP_MKNOD',
      'CAP_AUDIT_WRITE',
      'CAP_SETFCAP',
    ])
    await page.getByLabel('Compare the mask with').selectOption('mask')
    await page.getByLabel('Second mask').fill('0x2005fb')
    await expect(page.getByRole('list', { name: /^Missing/ }).getByRole('listitem')).toHaveText([
      'CAP_SYS_ADMIN',
    ])
    await page.getByLabel('Second mask').fill('NET_BIND_SERVICE, SYS_ADMIN')
    await expect(page.getByRole('list', { name: /^Added/ }).getByRole('listitem')).toHaveCount(13)
    await page.getByLabel('Second mask').fill('nope')
    await expect(
      page.getByRole('alert').filter({ hasText: 'neither a hex mask nor a capability name' }),
    ).toBeVisible()
  })

  test('one field reads all five input shapes', async ({ page }) => {
    await page.goto('./#/caps/')
    for (const [text, form, hex] of [
      ['0xA80425FB', 'a hex mask', '00000000a80425fb'],
      ['CapEff:\t00000000000005fb', '/proc/<pid>/status lines', '00000000000005fb'],
      [STATUS, '/proc/<pid>/status lines (5 sets)', '00000000a80425fb'],
      [CAPSH_DEFAULT, 'capsh --decode output', '00000000a80425fb'],
      ['capsh --decode=400', 'capsh --decode output', '0000000000000400'],
      ['cap_chown,cap_kill', 'capability names', '0000000000000021'],
      ['CHOWN KILL', 'capability names', '0000000000000021'],
      ['ALL', 'capability names', '000001ffffffffff'],
    ] as const) {
      await input(page).fill(text)
      await expect(page.getByTestId('read-as'), text).toHaveText(`Read as ${form}.`)
      await expect(page.getByTestId('shown-hex'), text).toHaveText(hex)
      await expect(input(page)).toHaveValue(text)
    }
  })

  test('the kernel picker decides what ALL is and marks capabilities it lacks', async ({
    page,
  }) => {
    await page.goto('./#/caps/ALL')
    await expect(page.getByTestId('shown-hex')).toHaveText('000001ffffffffff')
    await page.getByLabel('Node kernel').selectOption({ label: 'Linux 3.16–5.7 · 37' })
    await expect(page.getByTestId('shown-hex')).toHaveText('0000003fffffffff')
    await expect(bit(page, 38)).toHaveAttribute('data-state', 'newer')
    await expect(bit(page, 37)).not.toHaveAttribute('data-state', 'newer')
    await input(page).fill('ALL, BPF')
    await expect(page.getByRole('note').filter({ hasText: 'has no CAP_BPF' })).toBeVisible()
  })

  test('the grid reads like the hex: bit 63 first, a digit under every four bits', async ({
    page,
  }) => {
    await page.goto('./#/caps/a80425fb')
    const bits = page.locator('[data-bit]')
    await expect(bits).toHaveCount(64)
    await expect(bits.first()).toHaveAttribute('data-bit', '63')
    await expect(bits.last()).toHaveAttribute('data-bit', '0')
    await expect(page.locator('[data-nibble]')).toHaveText('00000000a80425fb'.split(''))
    // Set and clear differ in text too, not only in colour.
    await expect(bit(page, 0)).toContainText('1')
    await expect(bit(page, 2)).toContainText('0')
    // The bit grid comes before the decoded cards.
    const gridTop = await bits.first().evaluate((el) => el.getBoundingClientRect().top)
    const cardTop = await page
      .getByTestId('hex-mask')
      .evaluate((el) => el.getBoundingClientRect().top)
    expect(gridTop).toBeLessThan(cardTop)
  })

  test('arrow keys move between bits as the grid looks', async ({ page }) => {
    await page.goto('./#/caps/')
    await bit(page, 0).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(bit(page, 1)).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await expect(bit(page, 9)).toBeFocused()
    await page.keyboard.press('Space')
    await expect(page.getByTestId('shown-hex')).toHaveText('0000000000000200')
    await page.keyboard.press('Home')
    await expect(bit(page, 63)).toBeFocused()
  })

  test('toggling a bit keeps the form typed: names stay names, capsh stays capsh', async ({
    page,
  }) => {
    await page.goto('./#/caps/')
    await input(page).fill('cap_chown')
    await bit(page, 5).click()
    await expect(input(page)).toHaveValue('CHOWN, KILL')
    await input(page).fill('0x0000000000000001=cap_chown')
    await bit(page, 5).click()
    await expect(input(page)).toHaveValue('0x0000000000000021=cap_chown,cap_kill')
  })

  test('the theme toggle works on the decoder', async ({ page }) => {
    await page.goto('./#/caps/a80425fb')
    const themes = page.getByRole('group', { name: 'Colour theme' })
    await themes.getByRole('button', { name: 'Dark' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await themes.getByRole('button', { name: 'Light' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })

  for (const width of [320, 390, 768]) {
    test(`nothing is wider than the screen at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 })
      for (const text of [STATUS, 'ALL', CAPSH_DEFAULT, 'ffffffffffffffff']) {
        await page.goto(`./#/caps/${encodeURIComponent(text)}`)
        await expect(page.getByTestId('shown-hex')).toBeVisible()
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ])
        expect(scrollWidth, text).toBeLessThanOrEqual(innerWidth)
      }
    })
  }

  for (const [what, text, message] of [
    ['neither hex nor a name', 'xyz', /neither a hex mask nor a capability name/],
    ['an unknown name in a list', 'CHOWN, NOPE', /Unknown capability name: "NOPE"/],
    ['capsh output cut short', '0x00000000a80425fb=cap_chown', /was the line cut short/],
    ['wider than 64 bits', '1ffffffffffffffff', /at most 16/],
    ['status text without Cap lines', 'Name:\tsleep\nPid:\t1', /No CapInh/],
  ] as const) {
    test(`bad input (${what}) shows a message and keeps the text`, async ({ page }) => {
      await page.goto('./#/caps/400')
      await input(page).fill(text)
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
      await expect(input(page)).toHaveValue(text)
      await expect(input(page)).toHaveAttribute('aria-invalid', 'true')
      // The last good link stays in the address bar.
      expect(new URL(page.url()).hash).toBe('#/caps/400')
    })
  }

  test('typing keeps the field and makes the link shareable', async ({ page }) => {
    await page.goto('./#/caps/')
    await input(page).pressSequentially('0xA8', { delay: 30 })
    await expect(input(page)).toHaveValue('0xA8')
    expect(new URL(page.url()).hash).toBe('#/caps/0xA8')
    await page.reload()
    await expect(input(page)).toHaveValue('0xA8')
    await expect(page.getByTestId('capsh-mask')).toHaveText(
      '0x00000000000000a8=cap_fowner,cap_kill,cap_setuid',
    )
  })

  test('a new deep link replaces the input', async ({ page }) => {
    await page.goto('./#/caps/400')
    await page.evaluate(() => {
      window.location.hash = '#/caps/5fb'
    })
    await expect(input(page)).toHaveValue('5fb')
  })

  test('copies the capsh line', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('./#/caps/a80425fb')
    await page.getByRole('button', { name: 'Copy capsh line of mask' }).click()
    await expect(page.getByText('Copied')).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CAPSH_DEFAULT)
  })

  test('links back to the playground', async ({ page }) => {
    await page.goto('./#/caps/400')
    await page.getByRole('link', { name: /Back to the playground/ }).click()
    await expect(page).toHaveURL(/#\/$/)
    await expect(page.getByRole('heading', { name: 'Capability decoder' })).toHaveCount(0)
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`renders in ${scheme} mode`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width: 1400, height: 1000 })
      await page.goto('./#/caps/a80425fb')
      await bit(page, 41).click()
      const background = await page
        .getByRole('main')
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      // Light pages are near white, dark pages near black.
      const [r = 0] = (background.match(/\d+/g) ?? []).map(Number)
      expect(scheme === 'light' ? r > 200 : r < 60).toBe(true)
      await page.screenshot({ path: testInfo.outputPath(`decoder-${scheme}.png`), fullPage: true })
      await input(page).fill(STATUS)
      await expect(page.getByTestId('hex-CapAmb')).toBeVisible()
      // The app's own theme choice (data-theme on <html>) wins over the OS scheme.
      const other = scheme === 'light' ? 'dark' : 'light'
      await page.evaluate((theme) => {
        document.documentElement.dataset.theme = theme
      }, other)
      const flipped = await page
        .getByRole('main')
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      const [r2 = 0] = (flipped.match(/\d+/g) ?? []).map(Number)
      expect(other === 'light' ? r2 > 200 : r2 < 60).toBe(true)
      await page.evaluate((theme) => {
        document.documentElement.dataset.theme = theme
      }, scheme)
      await page.screenshot({
        path: testInfo.outputPath(`decoder-status-${scheme}.png`),
        fullPage: true,
      })
    })
  }
})
