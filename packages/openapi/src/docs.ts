import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Handler, HttpError } from '@openspeed/core'
import { hidden } from './_hidden.ts'

/** Options for {@link docs}. */
export interface DocsOptions {
  /** Where the page loads the OpenAPI document from (same origin). Default `/openapi.json`. */
  url?: string
  /** The page title. Default `API documentation`. */
  title?: string
}

const kAssets: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=UTF-8',
  'swagger-ui.css': 'text/css; charset=UTF-8',
}

// a docs page must not reach out: everything it loads comes from this server
const kPolicy = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ')

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function page(url: string, title: string, version: string): string {
  const config = JSON.stringify({ url, dom_id: '#docs', deepLinking: true, validatorUrl: null }).replace(
    /</g,
    '\\u003c',
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="?asset=swagger-ui.css&amp;v=${version}">
</head>
<body>
<div id="docs"></div>
<script src="?asset=swagger-ui-bundle.js&amp;v=${version}"></script>
<script>window.ui = SwaggerUIBundle(Object.assign(${config}, { presets: [SwaggerUIBundle.presets.apis] }))</script>
</body>
</html>
`
}

/**
 * A route handler serving an API documentation page (Swagger UI) for the OpenAPI document at
 * `options.url`. Its scripts and styles come from the `swagger-ui-dist` npm package and are
 * served by this same route (`?asset=...`), never from a CDN, so the page works offline; a
 * Content-Security-Policy keeps it from loading anything from elsewhere. Node, Bun and Deno
 * (it reads the assets from disk).
 *
 * @example
 * import { openapiHandler } from '@openspeed/openapi'
 * import { docs } from '@openspeed/openapi/docs'
 * app.get('/openapi.json', openapiHandler(app, { info: { title: 'Books API', version: '1.0.0' } }))
 * app.get('/docs', docs({ url: '/openapi.json' }))
 */
export function docs(options: DocsOptions = {}): Handler {
  const require = createRequire(import.meta.url)
  const root = dirname(require.resolve('swagger-ui-dist/package.json'))
  const version = (require('swagger-ui-dist/package.json') as { version: string }).version
  const html = page(options.url ?? '/openapi.json', options.title ?? 'API documentation', version)
  const assets = new Map<string, Promise<Uint8Array>>()
  return hidden(async (c) => {
    const asset = c.req.query('asset')
    if (asset === undefined) return c.html(html, 200, { 'content-security-policy': kPolicy })
    const type = kAssets[asset]
    if (type === undefined)
      throw HttpError.fromCode('OS_ERR_NOT_FOUND', { detail: `No docs asset named "${asset}"` })
    let body = assets.get(asset)
    if (body === undefined) {
      body = readFile(join(root, asset))
      assets.set(asset, body)
    }
    return c.body(await body, 200, {
      'content-type': type,
      'cache-control': 'public, max-age=31536000, immutable',
    })
  })
}
