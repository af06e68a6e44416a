export { type ConnInfo, getConnInfo } from './conn-info.ts'
export {
  Context,
  type ContextInit,
  type ContextOptions,
  type HeaderOptions,
  type HeadersInit,
} from './context.ts'
export {
  type CookieOptions,
  deleteCookie,
  getSignedCookie,
  parseCookieHeader,
  serializeCookie,
  setCookie,
  setSignedCookie,
} from './cookie.ts'
export { type ErrorCode, errorCodes } from './error-codes.ts'
export { FastResponse, type HeaderRecord, type ResponseBody } from './fast-response.ts'
export type { HookName, Hooks } from './hooks.ts'
export { HttpError, type HttpErrorOptions, type ProblemIssue } from './http-error.ts'
export { OpenSpeed, type OpenSpeedOptions, type RouteInfo, type TrailingSlash } from './open-speed.ts'
export { type ErrorCodeInfo, type ErrorCodeTable, OpenSpeedError } from './openspeed-error.ts'
export { checkOptions, type OptionKind, type OptionRule, type OptionsSchema } from './options.ts'
export { definePlugin, type Plugin } from './plugin.ts'
export { type ProblemDetails, type ProblemSource, problemContentType, toProblemResponse } from './problem.ts'
export { isJsonContentType, OpenSpeedRequest } from './request.ts'
export { describe, type ResponseDescription, type RouteDescription, withDescription } from './route-meta.ts'
export type { RouteMethod, RouteMethodOn } from './route-method.ts'
export { RadixRouter, type RouteMatch, type Router } from './router/radix-router.ts'
export type {
  InferSchemaInput,
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema.ts'
export type { SseMessage, SseWriter, StreamWriter } from './stream.ts'
export type {
  AddRoute,
  Endpoint,
  Env,
  ErrorHandler,
  ExecutionContext,
  Handler,
  HandlerResult,
  Input,
  JoinPath,
  MiddlewareHandler,
  Next,
  NotFoundHandler,
  PathParams,
  PrefixSchema,
  ResultOutput,
  Schema,
  ValidationTarget,
} from './types.ts'
export { type ValidatedInput, type ValidateOptions, type ValidationFailure, validate } from './validate.ts'
export { toJsonPointer, toProblemIssues, toValidationError } from './validation-error.ts'
