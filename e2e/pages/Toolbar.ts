import type { Page } from '@playwright/test'

/** The header and assumptions bar: examples, theme, runtime and the other assumptions. */
export class Toolbar {
  constructor(private readonly page: Page) {}

  readonly assumptions = () => this.page.getByRole('form', { name: 'Assumptions' })

  async setRuntime(label: string): Promise<void> {
    await this.assumptions().getByLabel('Runtime').selectOption({ label })
  }

  async setTheme(name: 'Auto' | 'Light' | 'Dark'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Colour theme' })
      .getByRole('button', { name })
      .click()
  }

  async openExamples(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Examples', exact: true })
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  }

  /** Every example button in the gallery (the gallery must be open). */
  exampleButtons() {
    return this.page.getByTestId('examples.gallery').getByRole('button')
  }
}
