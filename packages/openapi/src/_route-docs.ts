import type { ResponseDescription, RouteDescription, StandardSchemaV1 } from '@openspeed/core'
import { getDescription, getValidation, type ValidationInfo } from '@openspeed/core/tools'

/** What a route's handlers say about it: merged documentation and every validator, in order. */
export interface RouteDocs {
  description: RouteDescription
  validations: ValidationInfo[]
}

/** Whether a response entry is a bare schema rather than a {@link ResponseDescription}. */
export function isSchema(value: StandardSchemaV1 | ResponseDescription): value is StandardSchemaV1 {
  return typeof value === 'object' && value !== null && '~standard' in value
}

/**
 * Reads a route's handler list: `describe()` entries combine (nearest the handler wins, tags add
 * up, responses merge by status), validators are listed in chain order.
 */
export function readRouteDocs(handlers: readonly unknown[]): RouteDocs {
  let description: RouteDescription = {}
  const validations: ValidationInfo[] = []
  for (const handler of handlers) {
    const validation = getValidation(handler)
    if (validation !== undefined) validations.push(validation)
    const own = getDescription(handler)
    if (own === undefined) continue
    const tags = [...new Set([...(description.tags ?? []), ...(own.tags ?? [])])]
    const responses = { ...description.responses, ...own.responses }
    description = { ...description, ...own, tags, responses }
  }
  return { description, validations }
}

/** The response schema documented for a status (or `default`), if it has one. */
export function responseSchema(description: RouteDescription, status: number): StandardSchemaV1 | undefined {
  const responses = description.responses ?? {}
  const entry = responses[status] ?? responses.default
  if (entry === undefined) return undefined
  return isSchema(entry) ? entry : entry.schema
}
