import type { Page } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
export declare const chromiumPath: string
/** Whether page tests can run: Chromium is installed, or CI requires it. */
export declare function canRunBrowserTests(): boolean
/** What a page test gets: the page, every request URL, every page or console error. */
export interface ChromiumPage {
  page: Page
  requests: string[]
  problems: string[]
}
/** Opens one page in a fresh headless Chromium profile and always cleans up. */
export declare function withChromiumPage<T>(test: (opened: ChromiumPage) => Promise<T>): Promise<T>
