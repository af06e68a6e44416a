import { isAuthorized } from '../../../../scenarios.mjs'

export default (c, next) =>
  isAuthorized(c.req.header('authorization')) ? next() : c.json({ error: 'unauthorized' }, 401)
