/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchemaObject = { [keyword: string]: unknown }

/** Any OpenAPI object not modelled in detail here (operation, parameter, response, ...). */
export type OpenApiObject = { [field: string]: unknown }

/** The document's `info`: `title` and `version` are required. */
export interface InfoObject {
  title: string
  version: string
  summary?: string
  description?: string
  termsOfService?: string
  contact?: { name?: string; url?: string; email?: string }
  license?: { name: string; identifier?: string; url?: string }
}

/** One server the API is reachable at. */
export interface ServerObject {
  url: string
  description?: string
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>
}

/** A tag, with the description shown in docs UIs. */
export interface TagObject {
  name: string
  description?: string
  externalDocs?: { url: string; description?: string }
}

/** The reusable parts of a document. */
export interface ComponentsObject {
  schemas?: Record<string, JsonSchemaObject>
  responses?: Record<string, OpenApiObject>
  parameters?: Record<string, OpenApiObject>
  examples?: Record<string, OpenApiObject>
  requestBodies?: Record<string, OpenApiObject>
  headers?: Record<string, OpenApiObject>
  securitySchemes?: Record<string, OpenApiObject>
  links?: Record<string, OpenApiObject>
}

/** An OpenAPI 3.1 document. */
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: InfoObject
  jsonSchemaDialect?: string
  servers?: ServerObject[]
  paths: Record<string, Record<string, OpenApiObject>>
  components?: ComponentsObject
  security?: Record<string, string[]>[]
  tags?: TagObject[]
  externalDocs?: { url: string; description?: string }
}
