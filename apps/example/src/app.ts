import { describe, OpenSpeed } from '@openspeed/core'
import { compress } from '@openspeed/middleware/compress'
import { csrf } from '@openspeed/middleware/csrf'
import { logger } from '@openspeed/middleware/logger'
import { rateLimit } from '@openspeed/middleware/rate-limit'
import { requestId } from '@openspeed/middleware/request-id'
import { securityHeaders } from '@openspeed/middleware/security-headers'
import { timeout } from '@openspeed/middleware/timeout'
import { openapiHandler, validateResponses } from '@openspeed/openapi'
import { docs } from '@openspeed/openapi/docs'
import { z } from 'zod'
import pkg from '../package.json' with { type: 'json' }
import { createBookRoutes } from './books/routes.ts'
import { BookStore } from './books/store.ts'

const info = {
  title: 'OpenSpeed example: books',
  version: pkg.version,
  description: 'A small JSON API with validation and RFC 9457 problem responses.',
  contact: { name: 'Books API team', url: 'http://localhost:3000/docs', email: 'books@example.com' },
  license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
}

const documentation = {
  info,
  servers: [{ url: 'http://localhost:3000', description: '`pnpm start` on this machine' }],
  tags: [
    { name: 'books', description: 'The books resource' },
    { name: 'meta', description: 'What the API is and whether it is up' },
  ],
}

/** Options for {@link createApp}. */
export interface AppOptions {
  /** Write one JSON line per request. Default: on, except under a test runner. */
  logRequests?: boolean
}

/**
 * Builds the example API. Pass a store to share or seed data (tests get a fresh one each).
 *
 * @example
 * const app = createApp()
 * const response = await app.request('/books?limit=5')
 */
export function createApp(store: BookStore = new BookStore(), options: AppOptions = {}) {
  const app = new OpenSpeed()
  app.use(requestId())
  if (options.logRequests ?? process.env.NODE_ENV !== 'test') app.use(logger())
  // `get()` returns the same app, so `app.routes()` below sees every route added in the chain
  return app
    .use(
      securityHeaders(),
      csrf(),
      // `app.request()` reports no client address: count those requests in one bucket on purpose
      rateLimit({ limit: 600, windowMs: 60_000, onUnknownAddress: 'shared' }),
      timeout(10_000),
      compress(),
      validateResponses(app),
    )
    .get(
      '/',
      describe({
        summary: 'Describe the API and list its routes',
        description: 'The package name and version, and every route as a method and a path pattern.',
        tags: ['meta'],
      }),
      (c) =>
        c.json({
          name: pkg.name,
          version: pkg.version,
          routes: app.routes().map(({ method, path }) => ({ method, path })),
        }),
    )
    .get(
      '/health',
      describe({
        summary: 'Liveness check',
        description: 'Answers `{ "status": "ok" }` while the process serves requests.',
        tags: ['meta'],
        responses: { 200: z.object({ status: z.literal('ok') }) },
      }),
      (c) => c.json({ status: 'ok' as const }),
    )
    .get('/openapi.json', openapiHandler(app, documentation))
    .get('/docs', docs({ url: '/openapi.json', title: info.title }))
    .route('/books', createBookRoutes(store))
}

/** The app's type, carrying every route's input and output (for a typed client). */
export type App = ReturnType<typeof createApp>
