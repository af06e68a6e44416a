import { OpenSpeed } from '@openspeed/core'

export default new OpenSpeed().get('/', (c) => c.text('Hello, World!'))
