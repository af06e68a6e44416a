import { OpenSpeed } from '@openspeed/core'
import { withDocs } from './docs.ts'
import { todoRoutes } from './todos.ts'

const app = new OpenSpeed()
  .get('/', (c) => c.json({ name: '{{name}}', resources: ['/todos'], openapi: '/openapi.json' }))
  .route('/todos', todoRoutes)

export default withDocs(app)
