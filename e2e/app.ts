// A fluent driver for the app in browser mode: what a person does, in the words they would use.
import { expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';

export class KubevilleApp {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  async open(): Promise<this> {
    await this.page.goto('/');
    await expect(this.page.locator('[data-kind="Node"]').first()).toBeVisible();
    return this;
  }

  get consoleInput(): Locator {
    return this.page.locator('[data-console-input]');
  }

  /** Types a line in the console, presses Enter, and returns the text of its output once it has finished. */
  async run(line: string): Promise<string> {
    await this.consoleInput.fill(line);
    await this.consoleInput.press('Enter');
    const entry = this.page.locator('[data-entry]').last();
    await expect(entry).toHaveAttribute('data-running', 'false');
    return (await entry.locator('pre').allTextContents()).join('');
  }

  /** Clicks a time step button: 1 s, 10 s, 1 min, 1 h, 1 day or 7 days. */
  async step(ms: 1000 | 10000 | 60000 | 3_600_000 | 86_400_000 | 604_800_000, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.locator(`[data-step="${ms}"]`).click();
  }

  pod(name: string): Locator {
    return this.page.locator(`[data-kind="Pod"][data-name="${name}"]`);
  }

  async simulatedTime(): Promise<number> {
    return Date.parse((await this.page.locator('[data-time]').getAttribute('data-time')) ?? '');
  }
}
