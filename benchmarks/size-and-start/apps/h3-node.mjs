import { H3, serve } from 'h3'

const app = new H3().get('/', () => 'Hello, World!')
serve(app, { port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1', silent: true })
