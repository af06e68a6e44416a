export {
  type MiddlewareErrorCode,
  type MiddlewareProblemCode,
  type MiddlewareSetupCode,
  middlewareErrorCodes,
} from './codes.ts'
export { MiddlewareError } from './middleware-error.ts'
