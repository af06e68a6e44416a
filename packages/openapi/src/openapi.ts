import type { OpenSpeed } from '@openspeed/core'
import { SchemaRegistry } from './_components.ts'
import { buildOperation } from './_operation.ts'
import { operationIdFor, toOpenApiPaths } from './_paths.ts'
import { problemSchema } from './_problems.ts'
import { readRouteDocs } from './_route-docs.ts'
import { OpenApiError } from './errors.ts'
import type { SchemaConverter } from './schema-converter.ts'
import type {
  ComponentsObject,
  InfoObject,
  JsonSchemaObject,
  OpenApiDocument,
  OpenApiObject,
  ServerObject,
  TagObject,
} from './types.ts'

/** Options for {@link openapi}. */
export interface OpenApiOptions {
  /** The document's `info`; `title` and `version` are required. */
  info: InfoObject
  servers?: ServerObject[]
  /** Extra reusable components, merged with the ones generated from schemas. */
  components?: ComponentsObject
  /** Security schemes by name, e.g. `{ bearerAuth: { type: 'http', scheme: 'bearer' } }`. */
  securitySchemes?: Record<string, OpenApiObject>
  /** Security required by every route unless its `describe({ security })` says otherwise. */
  security?: Record<string, string[]>[]
  /** Tags with descriptions; tags that routes use are added after these. */
  tags?: TagObject[]
  externalDocs?: { url: string; description?: string }
  /** Document problem+json error responses (400, 413, 415, 401, 500, ...) automatically. Default `true`. */
  problemResponses?: boolean
  /** Converts schemas the built-in converters do not know; return `undefined` to fall back to them. */
  toJsonSchema?: SchemaConverter
}

const kMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const kAllMethods = ['get', 'post', 'put', 'patch', 'delete']

interface RouteEntry {
  method: string
  path: string
  handlers?: readonly unknown[]
}

function uniqueId(used: Set<string>, wanted: string, explicit: boolean): string {
  if (!used.has(wanted)) return wanted
  if (explicit) {
    throw new OpenApiError(
      'OS_ERR_OPENAPI_DUPLICATE_OPERATION_ID',
      `The operationId "${wanted}" is used by two routes`,
    )
  }
  let n = 2
  while (used.has(`${wanted}${n}`)) n++
  return `${wanted}${n}`
}

/**
 * Builds an OpenAPI 3.1 document from an app's routes: paths and path parameters from the
 * patterns, query/header/cookie parameters and request bodies from `validate()` schemas, responses
 * and documentation from `describe()`, reusable schemas as `$ref` components, and the
 * problem+json error responses each route can produce.
 *
 * @example
 * import { openapi } from '@openspeed/openapi'
 * const document = openapi(app, { info: { title: 'Books API', version: '1.0.0' } })
 * document.paths['/books/{id}'].get.operationId // 'getBooksById'
 */
export function openapi(app: OpenSpeed<any, any>, options: OpenApiOptions): OpenApiDocument {
  const { components = {}, problemResponses = true } = options
  const registry = new SchemaRegistry(components.schemas, options.toJsonSchema)
  const context = { registry, security: options.security, problemResponses }
  const paths: OpenApiDocument['paths'] = {}
  const used = new Set<string>()
  const tags = new Map((options.tags ?? []).map((tag) => [tag.name, tag]))
  const routes = (app.routes() as RouteEntry[]).filter((route) => route.method !== 'ALL')
  routes.push(...(app.routes() as RouteEntry[]).filter((route) => route.method === 'ALL'))
  for (const route of routes) {
    const docs = readRouteDocs(route.handlers ?? [])
    if (docs.description.hide === true) continue
    const all = route.method === 'ALL'
    const methods = all
      ? kAllMethods
      : [route.method.toLowerCase()].filter((method) => kMethods.includes(method))
    for (const tag of docs.description.tags ?? []) if (!tags.has(tag)) tags.set(tag, { name: tag })
    const variants = toOpenApiPaths(route.path)
    variants.forEach((variant, index) => {
      const item = (paths[variant.path] ??= {})
      for (const method of methods) {
        if (all && item[method] !== undefined) continue
        const explicit = docs.description.operationId
        const wanted =
          explicit !== undefined && index === variants.length - 1
            ? `${explicit}${all ? method[0]!.toUpperCase() + method.slice(1) : ''}`
            : operationIdFor(method, variant.path)
        const operationId = uniqueId(used, wanted, explicit !== undefined && index === variants.length - 1)
        used.add(operationId)
        item[method] = { operationId, ...buildOperation(variant, docs, context) }
      }
    })
  }
  const schemas: Record<string, JsonSchemaObject> = { ...registry.schemas }
  if (problemResponses) schemas.Problem ??= problemSchema
  const document: OpenApiDocument = { openapi: '3.1.0', info: options.info, paths }
  if (options.servers !== undefined) document.servers = options.servers
  const securitySchemes = { ...components.securitySchemes, ...options.securitySchemes }
  const allComponents: ComponentsObject = { ...components, schemas }
  if (Object.keys(securitySchemes).length > 0) allComponents.securitySchemes = securitySchemes
  document.components = allComponents
  if (options.security !== undefined) document.security = options.security
  if (tags.size > 0) document.tags = [...tags.values()]
  if (options.externalDocs !== undefined) document.externalDocs = options.externalDocs
  return document
}
