import type { OpenSpeed } from '@openspeed/core'
import { openapiHandler } from '@openspeed/openapi'

/**
 * Adds the OpenAPI document (built from the routes' `validate()` and `describe()` schemas) at
 * /openapi.json. This runtime deploys the bundle alone, with no files beside it to serve a docs
 * page from: open the document in any OpenAPI viewer.
 */
export function withDocs<App extends OpenSpeed<any, any>>(app: App): App {
  app.get('/openapi.json', openapiHandler(app, { info: { title: '{{name}}', version: '0.0.0' } }))
  return app
}
