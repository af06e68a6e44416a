import type { Context, FastResponse } from '@openspeed/core'

/**
 * A Workers static assets binding (`assets.binding` in the wrangler config), or any `Fetcher`.
 *
 * @example
 * type Bindings = { ASSETS: AssetsBinding }
 */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>
}

/**
 * Options for {@link serveAssets}.
 *
 * @example
 * app.notFound(serveAssets({ binding: 'STATIC' }))
 */
export interface ServeAssetsOptions {
  /** Name of the assets binding in `env`. Default `'ASSETS'`. */
  binding?: string
}

/**
 * A not-found handler that answers every request no route matches from Workers static assets
 * (`env.ASSETS.fetch(request)`). Routes always win, and a 404 your handler throws stays a 404:
 * only unmatched requests reach the assets. Use it with `run_worker_first = true`; without it
 * Cloudflare serves matching assets before the worker runs and this covers the rest.
 *
 * @example
 * import { handle, serveAssets } from '@openspeed/adapters-cloudflare'
 *
 * const app = new OpenSpeed<{ Bindings: { ASSETS: AssetsBinding } }>()
 *   .get('/api/hello', (c) => c.json({ hello: 'world' }))
 *   .notFound(serveAssets())
 * export default handle(app)
 */
export function serveAssets(
  options: ServeAssetsOptions = {},
): (c: Context) => Promise<Response | FastResponse> {
  const name = options.binding ?? 'ASSETS'
  return async (c) => {
    const binding = (c.env as Record<string, AssetsBinding | undefined> | undefined)?.[name]
    if (typeof binding?.fetch !== 'function') {
      throw new Error(
        `serveAssets(): env.${name} is not an assets binding. Add \`"assets": { "directory": "./public", "binding": "${name}" }\` to the wrangler config`,
      )
    }
    return binding.fetch(c.req.raw)
  }
}
