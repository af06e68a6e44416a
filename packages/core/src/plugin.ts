import type { OpenSpeed } from './open-speed.ts'

/**
 * A named, reusable piece of setup: routes, middleware and lifecycle hooks. `setup` is async and
 * runs once, in registration order, when the app starts (`await app.ready()`, done by adapters).
 *
 * @example
 * import { definePlugin } from '@openspeed/core'
 * export const health = definePlugin({
 *   name: 'health',
 *   async setup(app, options: { path: string }) {
 *     app.get(options.path, (c) => c.json({ ok: true }))
 *     app.addHook('onClose', async () => console.log('bye'))
 *   },
 * })
 * app.register(health, { path: '/healthz' })
 */
export interface Plugin<Options = void> {
  /** Unique name; registering two plugins with one name is an error. */
  readonly name: string
  /** Names of plugins that must be registered before this one. */
  readonly dependencies?: readonly string[]
  setup(app: OpenSpeed<any, any>, options: Options): Promise<void>
}

/**
 * Declares a plugin with its options type.
 *
 * @example
 * const requestCounter = definePlugin({
 *   name: 'request-counter',
 *   async setup(app) {
 *     let count = 0
 *     app.addHook('onRequest', () => { count++ })
 *     app.get('/stats', (c) => c.json({ count }))
 *   },
 * })
 */
export function definePlugin<Options = void>(plugin: Plugin<Options>): Plugin<Options> {
  return plugin
}
