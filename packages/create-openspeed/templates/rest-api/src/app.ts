import { OpenSpeed } from '@openspeed/core'
import { todoRoutes } from './todos.ts'

const app = new OpenSpeed()
  .get('/', (c) => c.json({ name: '{{name}}', resources: ['/todos'] }))
  .route('/todos', todoRoutes)

export default app
