import type { Handler, OpenSpeed } from '@openspeed/core'
import { hidden } from './_hidden.ts'
import { type OpenApiOptions, openapi } from './openapi.ts'
import type { OpenApiDocument } from './types.ts'

/**
 * A route handler that serves the app's OpenAPI document as JSON. The document is built on the
 * first request (when every route is registered) and reused; the route itself is left out of it.
 *
 * @example
 * import { openapiHandler } from '@openspeed/openapi'
 * app.get('/openapi.json', openapiHandler(app, { info: { title: 'Books API', version: '1.0.0' } }))
 */
export function openapiHandler(app: OpenSpeed<any, any>, options: OpenApiOptions): Handler {
  let document: OpenApiDocument | undefined
  return hidden((c) => {
    document ??= openapi(app, options)
    return c.json(document, 200, { 'cache-control': 'no-cache' })
  })
}
