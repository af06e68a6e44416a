import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateClientTypes } from '../openapi/generate.ts'
import { emitContract } from './emit.ts'

const kUsage = `Usage:
  openspeed-contract <entry.ts> --out <contract.d.ts> [--export App] [--type Contract] [--tsconfig path]
  openspeed-contract --openapi <openapi.json> --out <paths.d.ts> [--type Paths]`

/** Runs `openspeed-contract` with `args`; returns the exit code and writes messages to `log`. */
export function runCli(args: string[], log: (line: string) => void): number {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    log(`${(error as Error).message}\n${kUsage}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help === true) {
    log(kUsage)
    return 0
  }
  if (values.out === undefined || (values.openapi === undefined) === (positionals.length !== 1)) {
    log(kUsage)
    return 2
  }
  try {
    if (values.openapi !== undefined) {
      const code = generateClientTypes(JSON.parse(readFileSync(values.openapi, 'utf8')), {
        typeName: values.type,
      })
      mkdirSync(dirname(resolve(values.out)), { recursive: true })
      writeFileSync(values.out, code)
      log(`Wrote ${values.out} from ${values.openapi}`)
      return 0
    }
    const result = emitContract({
      entry: positionals[0]!,
      out: values.out,
      exportName: values.export,
      typeName: values.type,
      tsconfig: values.tsconfig,
    })
    log(`Wrote ${values.out}: ${result.routes} routes`)
    return 0
  } catch (error) {
    log(`openspeed-contract: ${(error as Error).message}`)
    return 1
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      export: { type: 'string' },
      type: { type: 'string' },
      tsconfig: { type: 'string' },
      openapi: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
