import { parenthesize } from '../_type-text.ts'
import type { JsonSchema } from './json-schema.ts'

const kIdentifier = /^[A-Za-z_$][\w$]*$/
const kComponentRef = /^#\/components\/schemas\/(.+)$/

/** A property key, quoted unless it is an identifier. */
export function toKey(name: string): string {
  return kIdentifier.test(name) ? name : JSON.stringify(name)
}

/** A JSDoc block for a description and deprecation, or nothing. */
export function toDoc(indent: string, description: string | undefined, deprecated?: boolean): string {
  const lines = description === undefined ? [] : description.trim().split('\n')
  if (deprecated === true) lines.push('@deprecated')
  if (lines.length === 0) return ''
  return `${indent}/** ${lines.map((line) => line.replaceAll('*/', '*\\/')).join(`\n${indent} * `)} */\n`
}

function literal(value: unknown): string {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? JSON.stringify(value)
    : 'unknown'
}

function objectType(schema: JsonSchema, indent: string): string {
  const inner = `${indent}  `
  const required = new Set(schema.required ?? [])
  const lines: string[] = []
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const doc = typeof property === 'object' ? toDoc(inner, property.description, property.deprecated) : ''
    const optional = required.has(name) ? '' : '?'
    lines.push(`${doc}${inner}${toKey(name)}${optional}: ${toType(property, inner)}`)
  }
  const extra = schema.additionalProperties
  if (extra !== undefined && extra !== false) {
    lines.push(`${inner}[key: string]: ${extra === true ? 'unknown' : `${toType(extra, inner)} | undefined`}`)
  }
  return lines.length === 0
    ? extra === false
      ? '{}'
      : 'Record<string, unknown>'
    : `{\n${lines.join('\n')}\n${indent}}`
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)]
  return unique.length === 0 ? 'never' : unique.join(' | ')
}

function byType(schema: JsonSchema, type: string, indent: string): string {
  switch (type) {
    case 'string':
      return schema.format === 'binary' ? 'Blob' : 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
    case 'array':
      if (schema.prefixItems !== undefined)
        return `[${schema.prefixItems.map((item) => toType(item, indent)).join(', ')}]`
      return `${parenthesize(schema.items === undefined ? 'unknown' : toType(schema.items, indent))}[]`
    case 'object':
      return objectType(schema, indent)
    default:
      return 'unknown'
  }
}

/**
 * `oneOf` / `anyOf` as a union, `allOf` as an intersection, and `properties` written beside them
 * (a shared base) intersected with both: `{ id: number } & (A | B)`.
 */
function composed(schema: JsonSchema, indent: string): string {
  const parts: string[] = []
  if (schema.properties !== undefined) parts.push(objectType(schema, indent))
  const choices = schema.oneOf ?? schema.anyOf
  if (choices !== undefined) parts.push(union(choices.map((member) => toType(member, indent))))
  for (const member of schema.allOf ?? []) parts.push(toType(member, indent))
  return parts.length === 1 ? parts[0]! : parts.map(parenthesize).join(' & ')
}

/**
 * The TypeScript type of a JSON Schema. `#/components/schemas/X` references become
 * `Schemas["X"]`, so shared and recursive schemas stay named.
 */
export function toType(schema: JsonSchema | boolean, indent = ''): string {
  if (schema === true) return 'unknown'
  if (schema === false) return 'never'
  let text: string
  if (schema.$ref !== undefined) {
    const match = kComponentRef.exec(schema.$ref)
    text =
      match === null
        ? 'unknown'
        : `Schemas[${JSON.stringify(decodeURIComponent(match[1]!).replaceAll('~1', '/').replaceAll('~0', '~'))}]`
  } else if (schema.const !== undefined) text = literal(schema.const)
  else if (schema.enum !== undefined) text = union(schema.enum.map(literal))
  else if (schema.oneOf !== undefined || schema.anyOf !== undefined || schema.allOf !== undefined) {
    text = composed(schema, indent)
  } else if (Array.isArray(schema.type)) text = union(schema.type.map((type) => byType(schema, type, indent)))
  else if (schema.type !== undefined) text = byType(schema, schema.type, indent)
  else if (schema.properties !== undefined) text = objectType(schema, indent)
  else text = 'unknown'
  return schema.nullable === true && text !== 'unknown' ? union([text, 'null']) : text
}
