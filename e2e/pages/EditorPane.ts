import { expect, type Page } from '@playwright/test'

/** The Monaco editor pane, driven through the test hooks the editor adapter exposes. */
export class EditorPane {
  constructor(private readonly page: Page) {}

  readonly root = () => this.page.getByTestId('editor.root')

  /** Waits until Monaco is mounted and the test hook is set (lazy: slow on a loaded machine). */
  async ready(): Promise<void> {
    await expect(this.root().locator('.monaco-editor')).toBeVisible({ timeout: 30_000 })
    await this.page.waitForFunction(() => window.__editor !== undefined)
  }

  /** Replaces the whole text, as a paste would. */
  async setText(text: string): Promise<void> {
    await this.ready()
    await this.page.evaluate((t) => window.__editor?.setValue(t), text)
  }

  async text(): Promise<string> {
    return this.page.evaluate(() => window.__editor?.getValue() ?? '')
  }

  /** Clears the editor and types `lines` key by key, undoing Monaco's auto-indent per line. */
  async typeLines(lines: readonly string[]): Promise<void> {
    await this.ready()
    // Schema completions pop up asynchronously; under load one can appear between our Escape and
    // Enter and swallow the line break. Typing keeps going through the real keyboard path.
    await this.page.evaluate(() =>
      window.__editor?.updateOptions({ acceptSuggestionOnEnter: 'off', quickSuggestions: false }),
    )
    await this.root().locator('.view-lines').click()
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('Delete')
    for (const [i, line] of lines.entries()) {
      if (i > 0) {
        // Close any schema completion popup first, or Enter would accept a suggestion.
        await this.page.keyboard.press('Escape')
        await this.page.keyboard.press('Enter')
        await this.page.keyboard.press('Shift+Home')
        await this.page.keyboard.press('Shift+Home')
        await this.page.keyboard.press('Delete')
      }
      await this.page.keyboard.type(line)
    }
  }

  /** The one-based line of the caret, and the selected text. */
  async cursor(): Promise<{ line: number; selected: string }> {
    return this.page.evaluate(() => {
      const editor = window.__editor
      const selection = editor?.getSelection()
      const model = editor?.getModel()
      return {
        line: selection?.positionLineNumber ?? 0,
        selected: selection && model ? model.getValueInRange(selection) : '',
      }
    })
  }

  /** Markers our adapter set, as `severity:line:code`. */
  async markers(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window.__monaco?.editor.getModelMarkers({ owner: 'playground' }) ?? []).map(
        (m) =>
          `${m.severity}:${m.startLineNumber}:${typeof m.code === 'object' ? m.code.value : m.code}`,
      ),
    )
  }
}
