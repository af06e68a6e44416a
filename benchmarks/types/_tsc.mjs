// What both type-check benchmarks share: one `tsc --extendedDiagnostics` run per variant,
// medians over rounds, and the Markdown table they report.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { formatNumber, median } from '@openspeed/bench-shared'

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
}

/** Writes `tsconfig.<variant.file>.json` in `work` for each variant: one file checked, strict. */
export function writeTsconfigs(work, variants) {
  for (const variant of variants) {
    const config = { compilerOptions, files: [variant.file] }
    writeFileSync(join(work, `tsconfig.${variant.file}.json`), `${JSON.stringify(config, null, 2)}\n`)
  }
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

/** Type-checks `tsconfig.<variant.file>.json` in `work`; returns tsc's own figures. */
export function checkVariant(work, variant) {
  let output
  try {
    output = execFileSync(
      process.execPath,
      [tsc, '-p', `tsconfig.${variant.file}.json`, '--extendedDiagnostics'],
      {
        cwd: work,
        encoding: 'utf8',
      },
    )
  } catch (error) {
    throw new Error(`${variant.name} does not type-check:\n${error.stdout}`)
  }
  const read = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)?.[1])
  return {
    checkS: read('Check time'),
    totalS: read('Total time'),
    types: read('Types'),
    instantiations: read('Instantiations'),
    memoryK: read('Memory used'),
  }
}

/** One row per variant: the median of each figure over the rounds in `samples`. */
export function medianRows(variants, samples) {
  return variants.map((variant) => {
    const runs = samples.get(variant.name)
    const pick = (key) => median(runs.map((run) => run[key]))
    return {
      variant: variant.name,
      ...Object.fromEntries(Object.keys(runs[0]).map((key) => [key, pick(key)])),
    }
  })
}

/** The Markdown table of `medianRows()`. */
export function formatTable(rows) {
  return [
    '| variant | check time (s) | total time (s) | types | instantiations | memory (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.variant} | ${row.checkS.toFixed(2)} | ${row.totalS.toFixed(2)} | ${formatNumber(row.types)} | ${formatNumber(row.instantiations)} | ${formatNumber(row.memoryK / 1024)} |`,
    ),
  ].join('\n')
}
