import type { OpenSpeed } from '@openspeed/core'
import { openapiHandler } from '@openspeed/openapi'
import { docs } from '@openspeed/openapi/docs'

/**
 * Adds the OpenAPI document (built from the routes' `validate()` and `describe()` schemas) at
 * /openapi.json, and a docs page (Swagger UI, served from npm, no CDN) at /docs.
 */
export function withDocs<App extends OpenSpeed<any, any>>(app: App): App {
  app.get('/openapi.json', openapiHandler(app, { info: { title: '{{name}}', version: '0.0.0' } }))
  app.get('/docs', docs({ url: '/openapi.json', title: '{{name}} API' }))
  return app
}
