export { type ServeStaticOptions, serveStatic } from './serve-static.ts'
