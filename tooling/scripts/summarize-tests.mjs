// Sums the vitest JSON reports (`test-results.json`, written when CI is set) of every workspace
// package, plus the pack checks from .ci/extra-results.json and one failure per other CI step that
// failed (CI_FAILED_STEPS, space-separated), into the one line CI reads:
// `N passed, N failed`. That line is always the last one printed. Exits 1 if anything failed or if
// no test ran at all.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { repoRoot, workspaceGroups, workspacePackages } from './_workspace.mjs'

const root = repoRoot
const skippedDirs = new Set(['node_modules', 'dist', 'coverage', '.turbo', '.git'])

async function findReports(dir) {
  const reports = []
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory() && !skippedDirs.has(entry.name)) reports.push(...(await findReports(path)))
    else if (entry.isFile() && entry.name === 'test-results.json') reports.push(path)
  }
  return reports
}

/** Counts one vitest JSON report; a test file that failed to load counts as one failed test. */
function countReport(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'),
  )
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

async function packageName(reportPath) {
  const manifest = join(reportPath, '../package.json')
  if (!existsSync(manifest)) return relative(root, reportPath)
  return JSON.parse(await readFile(manifest, 'utf8')).name ?? relative(root, reportPath)
}

/** Workspace packages whose `test` script runs vitest but left no report: count them as failed. */
async function vitestPackagesWithoutReport(reports) {
  return (await workspacePackages(root))
    .filter(
      ({ dir, manifest }) =>
        /\bvitest\b/.test(manifest.scripts?.test ?? '') && !reports.includes(join(dir, 'test-results.json')),
    )
    .map(({ dir, manifest }) => manifest.name ?? dir)
}

async function main() {
  const totals = { passed: 0, failed: 0, skipped: 0 }
  const add = (label, counts) => {
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0
    // Deliberately not in the `N passed, N failed` shape: CI must find only the final line.
    const { passed, failed, skipped = 0 } = counts
    console.log(`  ${label}: passed ${passed}, failed ${failed}, skipped ${skipped}`)
  }

  const reports = []
  for (const dir of workspaceGroups) reports.push(...(await findReports(join(root, dir))))
  for (const reportPath of reports.sort()) {
    const name = await packageName(reportPath)
    try {
      add(name, countReport(JSON.parse(await readFile(reportPath, 'utf8'))))
    } catch (error) {
      console.error(`${relative(root, reportPath)} is not a vitest JSON report: ${error.message}`)
      add(name, { passed: 0, failed: 1 })
    }
  }
  for (const name of await vitestPackagesWithoutReport(reports)) {
    console.error(`${name} runs vitest but wrote no test-results.json (did its test run crash?)`)
    add(name, { passed: 0, failed: 1 })
  }
  const testsRan = totals.passed + totals.failed > 0

  const extraPath = join(root, '.ci/extra-results.json')
  if (existsSync(extraPath)) {
    const extra = JSON.parse(await readFile(extraPath, 'utf8'))
    add('pack checks (.ci/extra-results.json)', { passed: extra.passed ?? 0, failed: extra.failed ?? 0 })
  }

  // steps with no report of their own (build, typecheck, lint, bench smoke) count as one failed
  // check each, so the final line never reads "0 failed" when CI exits non-zero
  for (const step of (process.env.CI_FAILED_STEPS ?? '').split(' ').filter(Boolean)) {
    if (step !== 'test' && step !== 'check-packs') add(`step ${step}`, { passed: 0, failed: 1 })
  }

  if (!testsRan) console.error('no test ran: no test-results.json with any test was found (is CI set?)')
  console.log(`${totals.passed} passed, ${totals.failed} failed`)
  process.exitCode = totals.failed > 0 || !testsRan ? 1 : 0
}

await main()
