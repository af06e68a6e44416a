import { OpenSpeed } from '@openspeed/core'
import { cors } from '@openspeed/middleware/cors'
import { logger } from '@openspeed/middleware/logger'
import { rateLimit } from '@openspeed/middleware/rate-limit'
import { requestId } from '@openspeed/middleware/request-id'
import { securityHeaders } from '@openspeed/middleware/security-headers'
import { withDocs } from './docs.ts'
import { todoRoutes } from './todos.ts'

const app = new OpenSpeed()
// every answer carries an x-request-id; outside the tests each request is logged as one JSON line
app.use(requestId())
if (globalThis.process?.env.NODE_ENV !== 'test') app.use(logger())
// OWASP security headers, CORS for browsers on other origins, 600 requests a minute per client
// (`app.request()` in tests reports no client address: those requests share one bucket on purpose)
app.use(securityHeaders(), cors(), rateLimit({ limit: 600, windowMs: 60_000, onUnknownAddress: 'shared' }))

app
  .get('/', (c) => c.json({ name: '{{name}}', resources: ['/todos'], openapi: '/openapi.json' }))
  .route('/todos', todoRoutes)

export default withDocs(app)
