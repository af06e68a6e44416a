import type { Context, MiddlewareHandler } from '@openspeed/core'
import { checkMiddlewareOptions, configError } from '../_errors.ts'

/**
 * Options for {@link requestId}.
 *
 * @example
 * requestId({ header: 'x-correlation-id', trustHeader: false })
 */
export interface RequestIdOptions {
  /** Request header read and response header echoed. Default `x-request-id`. */
  header?: string
  /**
   * Take the id from the request header when it is well-formed (default `true`). Set `false` when
   * clients may not choose it, e.g. without a proxy in front that sets it.
   */
  trustHeader?: boolean
  /** Longest id accepted from the header; longer ones are replaced. Default 128. */
  maxLength?: number
  /** Makes a new id. Default `crypto.randomUUID()`. */
  generate?: (c: Context) => string
}

/**
 * The context variables `requestId()` sets.
 *
 * @example
 * const app = new OpenSpeed<{ Variables: RequestIdVariables }>().use(requestId())
 */
export interface RequestIdVariables {
  requestId: string
}

// a conservative charset: no spaces, quotes, commas, semicolons or control characters, so an id
// can go into headers and log lines without escaping and can never smuggle in another header
const kSafeId = /^[A-Za-z0-9._:@/+=-]+$/

/**
 * Gives every request an id: the trusted request header's value when it is well-formed (length
 * and charset checked), otherwise a new `crypto.randomUUID()`. The id is available as
 * `c.get('requestId')`, echoed in the response header and picked up by `logger()`.
 *
 * @example
 * import { requestId } from '@openspeed/middleware/request-id'
 * app.use(requestId())
 * app.get('/', (c) => c.text(`your request is ${c.get('requestId')}`))
 */
export function requestId(options: RequestIdOptions = {}): MiddlewareHandler {
  checkMiddlewareOptions('requestId()', 'OS_ERR_REQUEST_ID_INVALID_OPTIONS', options, {
    header: 'string',
    trustHeader: 'boolean',
    maxLength: 'integer',
    generate: 'function',
  })
  const header = (options.header ?? 'x-request-id').toLowerCase()
  const trust = options.trustHeader !== false
  const maxLength = options.maxLength ?? 128
  const generate = options.generate ?? (() => crypto.randomUUID())
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(header)) {
    throw configError(
      'OS_ERR_REQUEST_ID_INVALID_OPTIONS',
      `requestId(): ${JSON.stringify(options.header)} is not a header name`,
    )
  }
  return function requestIdMiddleware(c, next) {
    const incoming = trust ? c.req.header(header) : undefined
    const id =
      incoming !== undefined && incoming.length <= maxLength && kSafeId.test(incoming)
        ? incoming
        : generate(c)
    c.set('requestId', id)
    c.header(header, id)
    return next()
  }
}

/**
 * The current request's id, when `requestId()` runs before.
 *
 * @example
 * app.onError((error, c) => c.json({ error: 'failed', requestId: getRequestId(c) }, 500))
 */
export function getRequestId(c: Context): string | undefined {
  return c.get('requestId') as string | undefined
}
