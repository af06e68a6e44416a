import { toDoc, toKey, toType } from './_schema.ts'
import type { JsonSchema } from './json-schema.ts'

type Ref = { $ref: string }

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  description?: string
  deprecated?: boolean
  schema?: JsonSchema
  content?: Record<string, { schema?: JsonSchema }>
}

interface MediaTypes {
  content?: Record<string, { schema?: JsonSchema }>
  required?: boolean
  description?: string
}

interface Operation {
  operationId?: string
  summary?: string
  description?: string
  deprecated?: boolean
  parameters?: (Parameter | Ref)[]
  requestBody?: MediaTypes | Ref
  responses?: Record<string, MediaTypes | Ref>
}

/** The parts of an OpenAPI 3.1 (or 3.0) document the generator reads. */
export interface OpenApiDocument {
  openapi: string
  paths?: Record<string, Record<string, unknown> & { parameters?: (Parameter | Ref)[] }>
  components?: { schemas?: Record<string, JsonSchema | boolean> } & Record<string, unknown>
}

/** Options for {@link generateClientTypes}. */
export interface GenerateClientTypesOptions {
  /** The name of the exported route map type. Default `Paths`. */
  typeName?: string
}

const kMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

function resolveRef<T>(document: OpenApiDocument, value: T | Ref): T {
  let current: unknown = value
  for (
    let hops = 0;
    hops < 20 && typeof current === 'object' && current !== null && '$ref' in current;
    hops++
  ) {
    const ref = (current as Ref).$ref
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, not "${ref}"`)
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, part) => {
        const key = decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~')
        if (typeof node !== 'object' || node === null || !(key in node))
          throw new Error(`Unresolved reference "${ref}"`)
        return (node as Record<string, unknown>)[key]
      }, document)
  }
  return current as T
}

function isJson(mediaType: string): boolean {
  const type = mediaType.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || type.endsWith('+json')
}

function bodyType(
  content: MediaTypes['content'],
  indent: string,
): { kind: 'json' | 'form' | 'text' | 'other'; type: string } {
  const entries = Object.entries(content ?? {})
  const json = entries.find(([type]) => isJson(type))
  if (json !== undefined) return { kind: 'json', type: toType(json[1].schema ?? true, indent) }
  const form = entries.find(
    ([type]) => type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data',
  )
  if (form !== undefined) return { kind: 'form', type: toType(form[1].schema ?? true, indent) }
  if (entries.some(([type]) => type.startsWith('text/') && !type.startsWith('text/event-stream'))) {
    return { kind: 'text', type: 'string' }
  }
  return { kind: 'other', type: entries.length === 0 ? 'undefined' : 'unknown' }
}

function parameterGroups(
  document: OpenApiDocument,
  shared: (Parameter | Ref)[],
  own: (Parameter | Ref)[],
  indent: string,
): string[] {
  const byKey = new Map<string, Parameter>()
  for (const item of [...shared, ...own]) {
    const parameter = resolveRef(document, item)
    byKey.set(`${parameter.in}:${parameter.name}`, parameter)
  }
  const groups: Record<string, string[]> = {}
  const inner = `${indent}    `
  for (const parameter of byKey.values()) {
    const target = { path: 'params', query: 'query', header: 'headers', cookie: 'cookie' }[parameter.in]
    const schema = parameter.schema ?? Object.values(parameter.content ?? {})[0]?.schema ?? true
    const optional = parameter.in === 'path' || parameter.required === true ? '' : '?'
    const doc = toDoc(inner, parameter.description, parameter.deprecated)
    ;(groups[target] ??= []).push(
      `${doc}${inner}${toKey(parameter.name)}${optional}: ${toType(schema, inner)}`,
    )
  }
  return Object.entries(groups).map(
    ([target, lines]) => `${indent}  ${target}: {\n${lines.join('\n')}\n${indent}  }`,
  )
}

function operationType(
  document: OpenApiDocument,
  operation: Operation,
  shared: (Parameter | Ref)[],
  indent: string,
): string {
  const input = parameterGroups(document, shared, operation.parameters ?? [], `${indent}  `)
  if (operation.requestBody !== undefined) {
    const body = resolveRef(document, operation.requestBody)
    const { kind, type } = bodyType(body.content, `${indent}    `)
    const target = kind === 'form' ? 'form' : 'json'
    input.push(`${indent}    ${target}${body.required === true ? '' : '?'}: ${type}`)
  }
  const responses: string[] = []
  const success: string[] = []
  for (const [status, value] of Object.entries(operation.responses ?? {})) {
    const { type } = bodyType(resolveRef(document, value).content, `${indent}    `)
    responses.push(`${indent}    ${/^\d+$/.test(status) ? status : JSON.stringify(status)}: ${type}`)
    if (status.startsWith('2')) success.push(type)
  }
  const block = (lines: string[]): string =>
    lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}  }`
  return [
    '{',
    `${indent}  input: ${block(input)}`,
    `${indent}  output: ${success.length === 0 ? 'unknown' : [...new Set(success)].join(' | ')}`,
    `${indent}  responses: ${block(responses)}`,
    `${indent}}`,
  ].join('\n')
}

/**
 * Generates a `.d.ts` contract from an OpenAPI 3.1 document (3.0 works too): every path and
 * operation with its path, query, header and cookie parameters, request body and responses by
 * status, JSON Schemas turned into TypeScript types. Use it with `createClient<Paths>(baseUrl)`:
 * paths keep their `{param}` form and the client fills them. Pure: runs anywhere, no dependencies.
 *
 * @example
 * import { writeFileSync } from 'node:fs'
 * import { generateClientTypes } from '@openspeed/client/openapi'
 * const document = await (await fetch('https://petstore.example.com/openapi.json')).json()
 * writeFileSync('src/petstore.d.ts', generateClientTypes(document))
 * // then: createClient<Paths>('https://petstore.example.com/v1').get('/pets/{petId}', { params: { petId: 1 } })
 */
export function generateClientTypes(
  document: OpenApiDocument,
  options: GenerateClientTypesOptions = {},
): string {
  if (typeof document !== 'object' || document === null || !/^3\./.test(String(document.openapi))) {
    throw new TypeError('Expected an OpenAPI 3.x document (an object with "openapi": "3.1.0")')
  }
  const lines: string[] = []
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = item.parameters ?? []
    const methods: string[] = []
    for (const method of kMethods) {
      const operation = item[method] as Operation | undefined
      if (operation === undefined) continue
      const summary = [operation.operationId, operation.summary].filter(Boolean).join(': ') || undefined
      methods.push(
        `${toDoc('    ', summary, operation.deprecated)}    ${method}: ${operationType(document, operation, shared, '    ')}`,
      )
    }
    lines.push(`  ${JSON.stringify(path)}: {\n${methods.join('\n')}\n  }`)
  }
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => {
    const doc = typeof schema === 'object' ? toDoc('  ', schema.description, schema.deprecated) : ''
    return `${doc}  ${JSON.stringify(name)}: ${toType(schema, '  ')}`
  })
  return [
    '// Generated by @openspeed/client/openapi from an OpenAPI document. Do not edit: generate it again.',
    `export type ${options.typeName ?? 'Paths'} = {`,
    ...lines,
    '}',
    '',
    "/** The document's `components.schemas`. */",
    `export type Schemas = {${schemas.length === 0 ? '}' : `\n${schemas.join('\n')}\n}`}`,
    '',
  ].join('\n')
}
