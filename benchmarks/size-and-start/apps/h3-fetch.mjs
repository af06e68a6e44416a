import { H3 } from 'h3'

export default new H3().get('/', () => 'Hello, World!')
