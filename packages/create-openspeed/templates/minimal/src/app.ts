import { OpenSpeed } from '@openspeed/core'

const app = new OpenSpeed().get('/', (c) => c.json({ message: 'Hello, OpenSpeed!' }))

export default app
