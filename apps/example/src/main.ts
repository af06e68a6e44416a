import { createApp } from './app.ts'

/**
 * The app the server and every `openspeed` command run (`openspeed routes`, `openspeed dev`),
 * with its own in-memory store.
 *
 * @example
 * import app from './main.ts'
 * const response = await app.request('/health')
 */
export default createApp()
