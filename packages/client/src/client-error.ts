import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/**
 * The stable codes a {@link ClientError} carries, with what each one means (the README's errors
 * table lists them too).
 *
 * @example
 * import { clientErrorCodes } from '@openspeed/client'
 * clientErrorCodes.OS_ERR_CLIENT_NETWORK.description
 */
export const clientErrorCodes: ErrorCodeTable<ClientErrorCode> = {
  OS_ERR_CLIENT_INVALID_BASE_URL: {
    description: 'The base URL given to createClient() is not an absolute URL.',
  },
  OS_ERR_CLIENT_MISSING_PARAM: { description: 'A path parameter the route needs is missing or empty.' },
  OS_ERR_CLIENT_INVALID_QUERY: {
    description: 'A query value is an object; only scalars, dates and arrays of them are sent.',
  },
  OS_ERR_CLIENT_INVALID_BODY: {
    description: 'Both `json` and `form` were given, or the JSON body cannot be serialised.',
  },
  OS_ERR_CLIENT_INVALID_REQUEST: {
    description: 'fetch cannot build the request: a body on GET/HEAD, or a bad header name or value.',
  },
  OS_ERR_CLIENT_NETWORK: {
    description: 'fetch() failed: the server could not be reached or the connection broke.',
  },
  OS_ERR_CLIENT_ABORTED: { description: 'The request was aborted through its AbortSignal.' },
  OS_ERR_CLIENT_INVALID_JSON: { description: 'The response says it is JSON but its body does not parse.' },
  OS_ERR_CLIENT_NOT_PROBLEM: {
    description: 'An error response (status >= 400) whose body is not JSON, e.g. an HTML proxy page.',
  },
}

/** A stable client error code, such as `OS_ERR_CLIENT_NETWORK`. */
export type ClientErrorCode =
  | 'OS_ERR_CLIENT_INVALID_BASE_URL'
  | 'OS_ERR_CLIENT_MISSING_PARAM'
  | 'OS_ERR_CLIENT_INVALID_QUERY'
  | 'OS_ERR_CLIENT_INVALID_BODY'
  | 'OS_ERR_CLIENT_INVALID_REQUEST'
  | 'OS_ERR_CLIENT_NETWORK'
  | 'OS_ERR_CLIENT_ABORTED'
  | 'OS_ERR_CLIENT_INVALID_JSON'
  | 'OS_ERR_CLIENT_NOT_PROBLEM'

/** Options for {@link ClientError}. */
export interface ClientErrorOptions {
  /** The underlying error (the fetch failure, the abort reason, the JSON syntax error). */
  cause?: unknown
  /** The response, when the error is about one. */
  response?: Response
}

/**
 * Thrown by a client call when no typed result can be produced: bad input to the call, a network
 * failure, an abort, or a response that breaks the contract. Error responses that carry a JSON
 * problem are not thrown: they come back as `{ ok: false, status, problem }`.
 *
 * @example
 * import { ClientError } from '@openspeed/client'
 * try {
 *   await api.get('/books')
 * } catch (error) {
 *   if (ClientError.isInstance(error) && error.code === 'OS_ERR_CLIENT_NETWORK') retryLater()
 * }
 */
export class ClientError extends OpenSpeedError<ClientErrorCode> {
  /** The response status, when the error is about a response. */
  readonly status: number | undefined
  /** The response, when the error is about one (its body has been read). */
  readonly response: Response | undefined

  constructor(code: ClientErrorCode, message: string, options: ClientErrorOptions = {}) {
    super(code, message, { cause: options.cause })
    this.response = options.response
    this.status = options.response?.status
  }

  static {
    OpenSpeedError.brand(ClientError, '@openspeed/client.ClientError')
  }
}
