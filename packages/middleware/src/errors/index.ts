export { MiddlewareError } from '../_errors.ts'
export {
  type MiddlewareErrorCode,
  type MiddlewareProblemCode,
  type MiddlewareSetupCode,
  middlewareErrorCodes,
} from './_codes.ts'
