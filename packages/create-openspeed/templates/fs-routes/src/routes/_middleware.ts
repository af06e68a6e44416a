import type { MiddlewareHandler } from '@openspeed/core'

/** Runs before every route of src/routes/ and below (a `_middleware.ts` covers its folder). */
const poweredBy: MiddlewareHandler = async function poweredBy(c, next) {
  await next()
  c.header('x-powered-by', 'OpenSpeed')
}

export default poweredBy
