import {
  FastResponse,
  HttpError,
  type MiddlewareHandler,
  type OpenSpeed,
  type StandardSchemaV1,
  toProblemIssues,
  toProblemResponse,
} from '@openspeed/core'
import { readRouteDocs, responseSchema } from './_route-docs.ts'

/** Options for {@link validateResponses}. */
export interface ValidateResponsesOptions {
  /** Whether to check responses. Default: `true` unless `NODE_ENV` is `production`. */
  enabled?: boolean
  /** Where a mismatch is reported. Default: `console.error`. */
  log?: (
    message: string,
    details: { method: string; path: string; status: number; errors: unknown[] },
  ) => void
}

function isDevelopment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
  return env?.NODE_ENV !== 'production'
}

async function readJson(response: Response | FastResponse): Promise<{ value: unknown } | undefined> {
  if (response instanceof FastResponse) {
    const type = response.headers['content-type']
    if (typeof type !== 'string' || !/[/+]json\b/.test(type) || typeof response.body !== 'string')
      return undefined
    return { value: JSON.parse(response.body) }
  }
  if (!/[/+]json\b/.test(response.headers.get('content-type') ?? '')) return undefined
  return { value: await response.clone().json() }
}

/**
 * Development-time check that handlers answer what `describe({ responses })` documents. A JSON
 * body that does not match the schema for its status is logged and replaced by a 500
 * `OS_ERR_OPENAPI_RESPONSE_INVALID` problem listing each issue (`where: 'response'`). Off in
 * production (`NODE_ENV=production`), where it adds nothing to the chain.
 *
 * @example
 * import { validateResponses } from '@openspeed/openapi'
 * app.use(validateResponses(app))
 */
export function validateResponses(
  app: OpenSpeed<any, any>,
  options: ValidateResponsesOptions = {},
): MiddlewareHandler {
  if (!(options.enabled ?? isDevelopment()))
    return function validateResponsesMiddleware(_c, next) {
      return next()
    }
  const log = options.log ?? ((message, details) => console.error(`[openspeed] ${message}`, details))
  let routes: Map<string, ReturnType<typeof readRouteDocs>['description']> | undefined
  const find = (method: string, path: string) => {
    routes ??= new Map(
      app
        .routes()
        .map((route) => [`${route.method} ${route.path}`, readRouteDocs(route.handlers ?? []).description]),
    )
    return routes.get(`${method === 'HEAD' ? 'GET' : method} ${path}`) ?? routes.get(`ALL ${path}`)
  }
  return async function validateResponsesMiddleware(c, next) {
    await next()
    const path = c.req.routePath
    const response = c.res
    if (path === undefined || response === undefined) return
    const description = find(c.req.method, path)
    const schema: StandardSchemaV1 | undefined = description && responseSchema(description, response.status)
    if (schema === undefined) return
    const body = await readJson(response)
    if (body === undefined) return
    const result = await schema['~standard'].validate(body.value)
    if (result.issues === undefined) return
    const errors = toProblemIssues('response', result.issues)
    log(`${c.req.method} ${path} answered ${response.status} with a body that does not match its schema`, {
      method: c.req.method,
      path,
      status: response.status,
      errors,
    })
    const error = new HttpError(500, {
      code: 'OS_ERR_OPENAPI_RESPONSE_INVALID',
      title: 'Internal Server Error',
      detail: `The ${response.status} response does not match its documented schema`,
      errors,
    })
    return toProblemResponse(error, c.req.path)
  }
}
