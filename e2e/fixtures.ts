import { test as base, expect } from '@playwright/test'
import { AnalysisPanel } from './pages/AnalysisPanel.ts'
import { EditorPane } from './pages/EditorPane.ts'
import { Toolbar } from './pages/Toolbar.ts'

interface Fixtures {
  editor: EditorPane
  panel: AnalysisPanel
  toolbar: Toolbar
  /** Console errors and uncaught exceptions seen during the test; asserted empty at the end. */
  consoleErrors: string[]
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
  editor: async ({ page }, use) => use(new EditorPane(page)),
  panel: async ({ page }, use) => use(new AnalysisPanel(page)),
  toolbar: async ({ page }, use) => use(new Toolbar(page)),
})

export { expect }
