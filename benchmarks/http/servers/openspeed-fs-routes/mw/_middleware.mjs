import { middlewareCount } from '../../../scenarios.mjs'

const noop = (_c, next) => next()

export default Array(middlewareCount).fill(noop)
