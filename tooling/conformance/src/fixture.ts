import { getConnInfo, HttpError, OpenSpeed } from '@openspeed/core'
import { addBodyRoutes, fixtureBodyLimit } from './_fixture-bodies.ts'
import { addStreamRoutes, compressedText } from './_fixture-streams.ts'

export { createServeFixture, type ServeFixture, type ServeFixtureOptions } from './serve-fixture.ts'
export { compressedText, fixtureBodyLimit }

/**
 * What the fixture prints when its `onClose` hook runs (unless `options.onClose` replaces it).
 *
 * @example
 * expect(server.output()).toContain(fixtureOnCloseMarker)
 */
export const fixtureOnCloseMarker = 'openspeed-conformance: onClose ran'

/**
 * Options for {@link createFixtureApp}.
 *
 * @example
 * createFixtureApp({ onClose: () => console.error('closing') })
 */
export interface FixtureOptions {
  /** Runs in the app's `onClose` hook. Default: prints {@link fixtureOnCloseMarker}. */
  onClose?: () => void
}

/**
 * The app every runtime serves for the conformance suite. It uses only Web-standard APIs and
 * `@openspeed/core`, so it bundles for workerd and edge runtimes as well as Node, Bun and Deno.
 *
 * @example
 * import { createFixtureApp } from '@openspeed/conformance/fixture'
 * export default createFixtureApp()
 */
export function createFixtureApp(options: FixtureOptions = {}): OpenSpeed {
  const app = new OpenSpeed({ bodyLimit: fixtureBodyLimit })
  const onClose = options.onClose ?? (() => console.log(fixtureOnCloseMarker))
  app.addHook('onClose', () => onClose())

  app.get('/', (c) => c.text('OpenSpeed conformance fixture'))
  app.get('/users/:id/files/:name', (c) => c.json({ params: c.req.param(), path: c.req.path }))
  app.get('/wild/*', (c) => c.json({ path: c.req.path }))
  app.get('/ünïcödé/:word', (c) => c.json({ word: c.req.param('word') }))
  app.get('/query', (c) => c.json(c.req.queries()))
  app.get('/headers', (c) => c.json(c.req.header()))
  app.get('/cookies', (c) => {
    c.header('set-cookie', 'first=1; Path=/; HttpOnly')
    c.header('set-cookie', 'second=two%20words; Path=/; SameSite=Lax')
    return c.json(c.req.cookie())
  })
  app.get('/redirect', (c) => c.redirect('/'))
  app.get('/redirect/permanent', (c) => c.redirect('/users/1/files/a.txt', 308))
  app.get('/errors/http', () => {
    throw new HttpError(409, { detail: 'The fixture is in a conflicting state' })
  })
  app.get('/errors/crash', () => {
    throw new Error('secret internal state')
  })
  app.get('/conn', (c) => c.json(getConnInfo(c)))
  // what csrf-style middleware and redirects do: parse the URL; a failure here would be a 500
  app.get('/host', (c) => {
    const url = new URL(c.req.url)
    return c.json({ url: url.href, raw: new URL(c.req.raw.url).href, host: url.hostname })
  })
  addBodyRoutes(app)
  addStreamRoutes(app)
  return app
}
