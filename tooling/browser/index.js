import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
export const chromiumPath = '/usr/bin/chromium'

/**
 * Whether page tests can run: Chromium is installed, or CI requires it (then a missing browser
 * fails the test instead of skipping it).
 *
 * @example
 * describe.skipIf(!canRunBrowserTests())('the docs page', () => { ... })
 */
export function canRunBrowserTests() {
  return existsSync(chromiumPath) || process.env.OPENSPEED_REQUIRE_SERVICES === '1'
}

// without the background-networking flags Chromium keeps dialling Google, which this machine refuses
const kArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Opens one page in a fresh headless Chromium profile, records every request URL and every page
 * error or console error, runs `test`, and always closes the browser and deletes the profile.
 *
 * @example
 * await withChromiumPage(async ({ page, requests, problems }) => {
 *   await page.goto(url)
 *   expect(problems).toEqual([])
 * })
 */
export async function withChromiumPage(test) {
  const profile = mkdtempSync(join(tmpdir(), 'openspeed-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: chromiumPath,
    args: kArgs,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const requests = []
    const problems = []
    page.on('request', (request) => requests.push(request.url()))
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    return await test({ page, requests, problems })
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
