export { type ClientOptions, createClient, type HeadersOption } from './client.ts'
export {
  ClientError,
  type ClientErrorCode,
  type ClientErrorOptions,
  clientErrorCodes,
} from './client-error.ts'
export type {
  CallOptions,
  Client,
  ClientMethod,
  ClientResult,
  EndpointAt,
  Failure,
  JsonOf,
  MethodCall,
  PathsFor,
  QueryValue,
  RequestOptions,
  RoutesOf,
  Success,
} from './types.ts'
