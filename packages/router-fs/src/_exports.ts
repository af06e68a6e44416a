import type {
  ErrorHandler,
  Handler,
  MiddlewareHandler,
  RouteDescription,
  StandardSchemaV1,
} from '@openspeed/core'
import { FileRouteError } from './errors.ts'
import type { Layout, RouteMethodName } from './types.ts'

/** The method exports, in the order routes are registered. */
export const kMethods: readonly RouteMethodName[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
]
const kMethodSet = new Set<string>(kMethods)
const kRequestTargets = ['headers', 'cookie', 'query', 'json', 'form'] as const

/** One method of a route file, checked: its handler, what to validate and what to document. */
export interface CheckedMethod {
  method: string
  handler: Handler
  validators: [target: (typeof kRequestTargets)[number], schema: StandardSchemaV1][]
  description: RouteDescription | undefined
}

/** A route file's exports, checked. */
export interface CheckedRoute {
  methods: CheckedMethod[]
  params: StandardSchemaV1 | undefined
}

function invalid(file: string, reason: string): FileRouteError {
  return new FileRouteError('OS_ERR_ROUTER_FS_INVALID_EXPORT', `${file}: ${reason}`, { file })
}

function isSchema(value: unknown): value is StandardSchemaV1 {
  return typeof (value as StandardSchemaV1 | null)?.['~standard']?.validate === 'function'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Splits `{ shared..., GET: {...}, POST: {...} }` into the members one method sees. */
function forMethod(value: Record<string, unknown> | undefined, method: string): Record<string, unknown> {
  if (value === undefined) return {}
  const shared: Record<string, unknown> = {}
  for (const key in value) if (!kMethodSet.has(key)) shared[key] = value[key]
  const own = method === 'ALL' ? undefined : value[method]
  return isObject(own) ? { ...shared, ...own } : shared
}

function checkSchemas(file: string, schema: Record<string, unknown>, where: string): void {
  for (const [key, value] of Object.entries(schema)) {
    if (kMethodSet.has(key) && where === 'schema') {
      if (!isObject(value)) throw invalid(file, `schema.${key} must be an object of schemas`)
      checkSchemas(file, value, `schema.${key}`)
    } else if (key === 'response') {
      if (!isObject(value) || !Object.values(value).every(isSchema)) {
        throw invalid(file, `${where}.response must map status codes to Standard Schemas`)
      }
    } else if (!(kRequestTargets as readonly string[]).includes(key)) {
      throw invalid(
        file,
        `${where}.${key} is not a known member (use ${kRequestTargets.join(', ')}, response or a method)`,
      )
    } else if (!isSchema(value)) {
      throw invalid(file, `${where}.${key} is not a Standard Schema (zod, valibot, arktype, ...)`)
    }
  }
}

function validatorsOf(schema: Record<string, unknown>): CheckedMethod['validators'] {
  const list: CheckedMethod['validators'] = []
  for (const target of kRequestTargets) {
    const value = schema[target]
    if (value !== undefined) list.push([target, value as StandardSchemaV1])
  }
  return list
}

function descriptionOf(
  meta: Record<string, unknown>,
  schema: Record<string, unknown>,
): RouteDescription | undefined {
  const responses = schema.response as RouteDescription['responses']
  if (Object.keys(meta).length === 0 && responses === undefined) return undefined
  return { ...(meta as RouteDescription), ...(responses === undefined ? {} : { responses }) }
}

/** Checks a route file's exports and lists its methods (`ALL` for `default`). */
export function checkRouteModule(file: string, module: Record<string, unknown>): CheckedRoute {
  for (const key of Object.keys(module)) {
    const upper = key.toUpperCase()
    if (key !== upper && kMethodSet.has(upper)) {
      throw invalid(file, `exports "${key}"; method handlers are exported in upper case ("${upper}")`)
    }
  }
  const params = module.params
  if (params !== undefined && !isSchema(params)) {
    throw invalid(file, 'the "params" export is not a Standard Schema (zod, valibot, arktype, ...)')
  }
  const schema = module.schema
  if (schema !== undefined) {
    if (!isObject(schema)) throw invalid(file, 'the "schema" export must be an object')
    checkSchemas(file, schema, 'schema')
  }
  const meta = module.meta
  if (meta !== undefined && !isObject(meta)) {
    throw invalid(file, 'the "meta" export must be an object ({ summary, tags, ... })')
  }
  const methods: CheckedMethod[] = []
  for (const name of [...kMethods, 'default']) {
    const handler = module[name]
    if (handler === undefined) continue
    if (typeof handler !== 'function') throw invalid(file, `the "${name}" export is not a function`)
    const method = name === 'default' ? 'ALL' : name
    const own = forMethod(schema as Record<string, unknown> | undefined, method)
    methods.push({
      method,
      handler: handler as Handler,
      validators: validatorsOf(own),
      description: descriptionOf(forMethod(meta as Record<string, unknown> | undefined, method), own),
    })
  }
  if (methods.length === 0) {
    throw invalid(
      file,
      `exports no handler: export ${kMethods.join(', ')} or a default (start the name with "_" to keep a file out of the routes)`,
    )
  }
  return { methods, params }
}

/** The middleware list a `_middleware` file exports. */
export function checkMiddleware(file: string, module: Record<string, unknown>): MiddlewareHandler[] {
  const exported = module.default
  const list = Array.isArray(exported) ? exported : [exported]
  if (list.length === 0 || !list.every((entry) => typeof entry === 'function')) {
    throw invalid(file, 'a _middleware file must export default a middleware function or an array of them')
  }
  return list as MiddlewareHandler[]
}

/** The function a `_layout` file exports. */
export function checkLayout(file: string, module: Record<string, unknown>): Layout {
  if (typeof module.default !== 'function') {
    throw invalid(file, 'a _layout file must export default a function (c) => ({ ...variables })')
  }
  return module.default as Layout
}

/** The handler an `_error` file exports. */
export function checkErrorHandler(file: string, module: Record<string, unknown>): ErrorHandler {
  if (typeof module.default !== 'function') {
    throw invalid(file, 'an _error file must export default a function (error, c) => Response')
  }
  return module.default as ErrorHandler
}
