import type { ResponseDescription, ValidationTarget } from '@openspeed/core'
import type { ValidationInfo } from '@openspeed/core/tools'
import type { SchemaRegistry } from './_components.ts'
import type { OpenApiPath } from './_paths.ts'
import { automaticProblems, problemResponse } from './_problems.ts'
import { isSchema, type RouteDocs } from './_route-docs.ts'
import type { JsonSchemaObject, OpenApiObject } from './types.ts'

/** What an operation is built from, besides the route itself. */
export interface OperationContext {
  registry: SchemaRegistry
  security: Record<string, string[]>[] | undefined
  problemResponses: boolean
}

const kLocations: Partial<Record<ValidationTarget, string>> = {
  query: 'query',
  headers: 'header',
  cookie: 'cookie',
}
const kStatusTexts: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  default: 'Response',
}

function last(validations: ValidationInfo[], target: ValidationTarget): ValidationInfo | undefined {
  return validations.findLast((validation) => validation.target === target)
}

function properties(
  context: OperationContext,
  validation: ValidationInfo | undefined,
): { props: Record<string, JsonSchemaObject>; required: string[] } {
  if (validation === undefined) return { props: {}, required: [] }
  const schema = context.registry.resolve(context.registry.toJsonSchema(validation.schema, 'input'))
  return {
    props: (schema.properties ?? {}) as Record<string, JsonSchemaObject>,
    required: (schema.required ?? []) as string[],
  }
}

function parameter(
  name: string,
  location: string,
  required: boolean,
  schema: JsonSchemaObject,
): OpenApiObject {
  const result: OpenApiObject = { name, in: location, required, schema }
  if (typeof schema.description === 'string') result.description = schema.description
  if (schema.deprecated === true) result.deprecated = true
  return result
}

function parameters(route: OpenApiPath, docs: RouteDocs, context: OperationContext): OpenApiObject[] {
  const path = properties(context, last(docs.validations, 'params'))
  const result = route.parameters.map((param) => {
    const fallback: JsonSchemaObject =
      param.pattern === undefined ? { type: 'string' } : { type: 'string', pattern: param.pattern }
    if (param.wildcard) fallback.description = 'The rest of the path; may contain "/"'
    return parameter(param.name, 'path', true, path.props[param.name] ?? fallback)
  })
  for (const target of ['query', 'headers', 'cookie'] as const) {
    const { props, required } = properties(context, last(docs.validations, target))
    for (const [name, schema] of Object.entries(props)) {
      result.push(parameter(name, kLocations[target]!, required.includes(name), schema))
    }
  }
  return result
}

function requestBody(docs: RouteDocs, context: OperationContext): OpenApiObject | undefined {
  const content: OpenApiObject = {}
  const json = last(docs.validations, 'json')
  if (json !== undefined)
    content['application/json'] = { schema: context.registry.toJsonSchema(json.schema, 'input') }
  const form = last(docs.validations, 'form')
  if (form !== undefined) {
    const schema = context.registry.toJsonSchema(form.schema, 'input')
    content['application/x-www-form-urlencoded'] = { schema }
    content['multipart/form-data'] = { schema }
  }
  return Object.keys(content).length === 0 ? undefined : { required: true, content }
}

function response(status: string, entry: ResponseDescription, context: OperationContext): OpenApiObject {
  const error = Number(status) >= 400
  const description = entry.description ?? kStatusTexts[status] ?? `Response ${status}`
  const result: OpenApiObject =
    entry.schema === undefined && error ? problemResponse(Number(status), entry.description) : { description }
  if (entry.schema !== undefined) {
    const contentType = entry.contentType ?? (error ? 'application/problem+json' : 'application/json')
    result.content = { [contentType]: { schema: context.registry.toJsonSchema(entry.schema, 'output') } }
  }
  if (entry.headers !== undefined) {
    const headers: OpenApiObject = {}
    for (const [name, header] of Object.entries(entry.headers)) {
      const schema =
        header.schema === undefined
          ? { type: 'string' }
          : context.registry.toJsonSchema(header.schema, 'output')
      headers[name] = { description: header.description, required: header.required, schema }
    }
    result.headers = headers
  }
  return result
}

function responses(docs: RouteDocs, context: OperationContext, secured: boolean): OpenApiObject {
  const result: OpenApiObject = {}
  for (const [status, entry] of Object.entries(docs.description.responses ?? {})) {
    result[status] = response(status, isSchema(entry) ? { schema: entry } : entry, context)
  }
  if (!Object.keys(result).some((status) => status === 'default' || Number(status) < 400)) {
    result['200'] = { description: 'Successful response' }
  }
  if (!context.problemResponses) return result
  const hasBody = docs.validations.some(
    (validation) => validation.target === 'json' || validation.target === 'form',
  )
  for (const status of automaticProblems({ validates: docs.validations.length > 0, hasBody, secured })) {
    result[status] ??= problemResponse(status)
  }
  return result
}

/** Builds one OpenAPI operation for a route at one of its paths. */
export function buildOperation(
  route: OpenApiPath,
  docs: RouteDocs,
  context: OperationContext,
): OpenApiObject {
  const { summary, description, tags, deprecated, security } = docs.description
  const effective = security ?? context.security
  const secured = effective?.some((requirement) => Object.keys(requirement).length > 0) === true
  const operation: OpenApiObject = {}
  if (tags !== undefined && tags.length > 0) operation.tags = tags
  if (summary !== undefined) operation.summary = summary
  if (description !== undefined) operation.description = description
  if (deprecated === true) operation.deprecated = true
  const params = parameters(route, docs, context)
  if (params.length > 0) operation.parameters = params
  const body = requestBody(docs, context)
  if (body !== undefined) operation.requestBody = body
  operation.responses = responses(docs, context, secured)
  if (security !== undefined) operation.security = security
  return operation
}
