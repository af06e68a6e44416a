import type { OpenSpeed } from '@openspeed/core'

/** One line of `openspeed routes`. */
export interface RouteRow {
  method: string
  path: string
  /**
   * Names of the middleware that run before the handler, in order: `validate(<target>)` and
   * `describe` for core's route metadata, else the function's name, else `anonymous`.
   */
  middleware: string[]
  /** The handler's function name (`anonymous` for an arrow function without one). */
  handler: string
  /** The file defining the handler, when it is known. */
  file: string | undefined
}

type AnyFunction = (...args: never[]) => unknown

/**
 * Lists an app's routes with the names of their middleware and handler; `locate` tells which
 * source file defines a function (the CLI finds it in the modules its dev loader evaluated).
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { describeRoutes } from '@openspeed/cli'
 * const app = new OpenSpeed().get('/users/:id', function getUser(c) { return c.json({}) })
 * describeRoutes(app) // [{ method: 'GET', path: '/users/:id', middleware: [], handler: 'getUser', file: undefined }]
 */
export function describeRoutes(
  app: OpenSpeed<any, any>,
  locate: (fn: AnyFunction) => string | undefined = () => undefined,
): RouteRow[] {
  return app.routes().map((route) => {
    const handlers = ((route as { handlers?: readonly AnyFunction[] }).handlers ?? []) as AnyFunction[]
    const last = handlers.at(-1)
    return {
      method: route.method,
      path: route.path,
      middleware: handlers.slice(0, -1).map(middlewareName),
      handler: last === undefined ? '' : functionName(last),
      file: last === undefined ? undefined : locate(last),
    }
  })
}

// the route-metadata keys core's validate() and describe() set on the middleware they return
const kValidation = Symbol.for('openspeed.validation')
const kDescription = Symbol.for('openspeed.description')

function middlewareName(fn: AnyFunction): string {
  const validation = (fn as { [kValidation]?: { target?: unknown } })[kValidation]
  if (validation !== undefined) return `validate(${String(validation.target)})`
  return kDescription in fn ? 'describe' : functionName(fn)
}

function functionName(fn: AnyFunction): string {
  return fn.name.replace(/^bound /, '') || 'anonymous'
}

/**
 * Formats routes as an aligned text table, one route per line, sorted by path then method.
 *
 * @example
 * import { describeRoutes, formatRouteTable } from '@openspeed/cli'
 * console.log(formatRouteTable(describeRoutes(app)))
 * // METHOD  PATH        MIDDLEWARE  HANDLER  FILE
 * // GET     /users/:id  -           getUser  src/app.ts
 */
export function formatRouteTable(rows: readonly RouteRow[]): string {
  if (rows.length === 0) return 'No routes.'
  const sorted = [...rows].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
  const table = [
    ['METHOD', 'PATH', 'MIDDLEWARE', 'HANDLER', 'FILE'],
    ...sorted.map((row) => [
      row.method,
      row.path,
      row.middleware.join(', ') || '-',
      row.handler,
      row.file ?? '-',
    ]),
  ]
  const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)))
  return table
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
