import { OpenSpeed } from '@openspeed/core'
import pkg from '../package.json' with { type: 'json' }
import { createBookRoutes } from './books/routes.ts'
import { BookStore } from './books/store.ts'

/**
 * Builds the example API. Pass a store to share or seed data (tests get a fresh one each).
 *
 * @example
 * const app = createApp()
 * const response = await app.request('/books?limit=5')
 */
export function createApp(store: BookStore = new BookStore()) {
  const app = new OpenSpeed()
  // `get()` returns the same app, so `app.routes()` below sees every route added in the chain
  return app
    .get('/', (c) => c.json({ name: pkg.name, version: pkg.version, routes: app.routes() }))
    .get('/health', (c) => c.json({ status: 'ok' as const }))
    .route('/books', createBookRoutes(store))
}

/** The app's type, carrying every route's input and output (for a typed client). */
export type App = ReturnType<typeof createApp>
