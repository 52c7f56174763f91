import type { Locator, Page } from '@playwright/test'

/** The live analysis panel on the right. */
export class AnalysisPanel {
  constructor(private readonly page: Page) {}

  readonly root = () => this.page.getByTestId('panel.root')
  readonly workloads = () => this.page.getByTestId('panel.workload')
  readonly containers = () => this.page.getByTestId('panel.container')
  readonly findings = () => this.page.getByTestId('panel.finding')
  readonly diagnostics = () => this.page.getByTestId('panel.diagnostic')
  readonly empty = () => this.page.getByTestId('panel.empty')

  container(name: string): Locator {
    return this.page.locator(`[data-testid="panel.container"][data-container="${name}"]`)
  }

  /**
   * The hex of one `/proc` capability line of a container, e.g. CapEff. The sets sit in a
   * collapsed section, so this finds the link by element, not by role; open it to click.
   */
  capLine(container: string, set: 'CapInh' | 'CapPrm' | 'CapEff' | 'CapBnd' | 'CapAmb'): Locator {
    return this.container(container).getByTestId(`caps.${set}`).locator('a')
  }

  workload(label: string): Locator {
    return this.page.getByRole('article', { name: label })
  }

  /** The admission text block of a workload for one failing level. */
  admission(workload: string, level: 'baseline' | 'restricted'): Locator {
    return this.workload(workload).locator(`[data-testid="panel.admission"][data-level="${level}"]`)
  }

  /** The collapsed list of checks a workload passes. */
  passingChecks(workload: string): Locator {
    return this.workload(workload).getByTestId('panel.passing')
  }
}
