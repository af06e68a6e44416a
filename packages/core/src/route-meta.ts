import { documentationOnly, kDescription, kValidation } from './_route-meta.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'
import type { MiddlewareHandler, ValidationTarget } from './types.ts'

/** What a `validate(target, schema)` middleware checks, read back with {@link getValidation}. */
export interface ValidationInfo {
  readonly target: ValidationTarget
  readonly schema: StandardSchemaV1
}

/** One documented response of a route: a description, and the schema of its body. */
export interface ResponseDescription {
  description?: string
  /** The body's schema: any Standard Schema (zod, valibot, a JSON Schema wrapped for validation). */
  schema?: StandardSchemaV1
  /** Media type of the body. Default `application/json` (`application/problem+json` for 4xx/5xx). */
  contentType?: string
  /** Response headers, by name. */
  headers?: Record<string, { description?: string; schema?: StandardSchemaV1; required?: boolean }>
}

/**
 * Documentation for one route, attached with {@link describe}. Every field is optional; when
 * several `describe()` middlewares cover a route (group and route level), their fields combine and
 * the one nearest the handler wins.
 */
export interface RouteDescription {
  summary?: string
  description?: string
  tags?: string[]
  /** Unique id of the operation; generated from the method and path when missing. */
  operationId?: string
  deprecated?: boolean
  /** Security requirements, e.g. `[{ bearerAuth: [] }]`; `[]` makes a route public. */
  security?: Record<string, string[]>[]
  /** Responses by status code: a body schema, or a {@link ResponseDescription}. */
  responses?: { [status: number]: StandardSchemaV1 | ResponseDescription; default?: ResponseDescription }
  /** Leave the route out of generated documents. */
  hide?: boolean
}

/**
 * A middleware that documents its route and does nothing else: OpenAPI generators and typed
 * clients read what it carries with {@link getDescription}. The data lives on the function object,
 * so requests never touch it.
 *
 * @example
 * import { describe, validate } from '@openspeed/core'
 * app.get(
 *   '/books/:id',
 *   describe({ summary: 'Read one book', tags: ['books'], responses: { 200: bookSchema, 404: { description: 'No such book' } } }),
 *   validate('params', z.object({ id: z.uuid() })),
 *   (c) => c.json(load(c.req.valid('params').id)),
 * )
 */
export function describe(description: RouteDescription): MiddlewareHandler {
  const middleware = withDescription<MiddlewareHandler>((_c, next) => next(), description)
  documentationOnly.add(middleware)
  return middleware
}

/**
 * Records what a working middleware can answer on its own (a 429 from a rate limit, a 403 from a
 * guard, the security it requires), so OpenAPI documents it on every route the middleware covers
 * without the user repeating it. Unlike {@link describe}, the middleware still runs; a
 * `describe()` nearer the handler overrides the same fields and statuses. Returns `middleware`.
 *
 * @example
 * import { withDescription, type MiddlewareHandler } from '@openspeed/core'
 * export function requirePlan(plan: string): MiddlewareHandler {
 *   return withDescription(
 *     (c, next) => (c.get('plan') === plan ? next() : c.json({ title: 'Payment Required' }, 402)),
 *     { responses: { 402: { description: `Needs the ${plan} plan` } } },
 *   )
 * }
 */
export function withDescription<F extends Function>(middleware: F, description: RouteDescription): F {
  Object.defineProperty(middleware, kDescription, { value: Object.freeze({ ...description }) })
  return middleware
}

/**
 * The documentation a `describe()` middleware carries, or `undefined` for any other function.
 * Handlers may carry one too: set the `Symbol.for('openspeed.description')` property on them.
 *
 * @example
 * import { getDescription } from '@openspeed/core/tools'
 * for (const route of app.routes()) {
 *   const docs = route.handlers.map(getDescription).filter(Boolean)
 * }
 */
export function getDescription(handler: unknown): RouteDescription | undefined {
  return typeof handler === 'function'
    ? ((handler as unknown as Record<symbol, RouteDescription | undefined>)[kDescription] ?? undefined)
    : undefined
}

/**
 * The target and schema a `validate()` middleware checks, or `undefined` for any other function.
 * Third-party validators can be recognised too by setting `Symbol.for('openspeed.validation')` to
 * a {@link ValidationInfo} on their middleware.
 *
 * @example
 * import { getValidation } from '@openspeed/core/tools'
 * const inputs = app.routes().map((route) => route.handlers.map(getValidation).filter(Boolean))
 */
export function getValidation(handler: unknown): ValidationInfo | undefined {
  return typeof handler === 'function'
    ? ((handler as unknown as Record<symbol, ValidationInfo | undefined>)[kValidation] ?? undefined)
    : undefined
}
