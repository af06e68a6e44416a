import type { RouteHandler } from '@openspeed/router-fs'

export const GET: RouteHandler = (c) => c.json({ name: '{{name}}', resources: ['/notes'] })
