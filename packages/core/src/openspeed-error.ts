const kBaseMarker: unique symbol = Symbol.for('@openspeed/core.OpenSpeedError') as never

function isBranded(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}

/**
 * One entry of a package's error-code table: what the code means, and what it ends in — the HTTP
 * `status` of the problem response a client gets, the `exitCode` of a command, or neither for an
 * error only a developer sees (an invalid option, thrown at start-up).
 */
export interface ErrorCodeInfo {
  /** The HTTP status of the problem response, for codes a client can see. */
  readonly status?: number
  /** The process exit code, for codes a command ends with. */
  readonly exitCode?: number
  /** What the code means, in one or two sentences: the README's errors table repeats it. */
  readonly description: string
}

/** A package's error codes: every code it can produce, mapped to its {@link ErrorCodeInfo}. */
export type ErrorCodeTable<Code extends string = string> = { readonly [K in Code]: ErrorCodeInfo }

/**
 * The base of every OpenSpeed error class: a stable `code` (`OS_ERR_<AREA>_<WHAT>`) and a
 * `Symbol.for` brand per class, so `isInstance()` recognises errors thrown by another installed copy
 * of the package (where `instanceof` fails). Core throws it directly for programming mistakes (an
 * invalid route pattern, a header value with CR/LF, a missing plugin dependency); if one happens
 * during a request, the client only sees a generic 500 and the error goes to the logger.
 *
 * Each package's errors are small subclasses, branded once with {@link OpenSpeedError.brand}.
 *
 * @example
 * import { OpenSpeedError } from '@openspeed/core'
 *
 * export class CacheError extends OpenSpeedError<'OS_ERR_CACHE_TIMEOUT'> {
 *   static {
 *     OpenSpeedError.brand(CacheError, '@openspeed/cache.CacheError')
 *   }
 * }
 *
 * try { app.get('/:id{[}', handler) } catch (error) {
 *   if (OpenSpeedError.isInstance(error)) console.log(error.code) // OS_ERR_ROUTER_INVALID_PATTERN
 * }
 */
export class OpenSpeedError<Code extends string | undefined = string> extends Error {
  /** The stable error code; see the package README's errors table. */
  readonly code: Code

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
  }

  /**
   * Whether `value` is an instance of this class (or a subclass), from this or any other
   * installed copy of its package. {@link OpenSpeedError.brand} gives each class its own, so it also
   * works as a bare callback: `errors.filter(HttpError.isInstance)`.
   *
   * @example
   * if (HttpError.isInstance(error)) console.log(error.status)
   */
  static isInstance<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return isBranded(value, kBaseMarker)
  }

  /**
   * Brands an error class with a global marker, `'<package name>.<ClassName>'`, so that
   * `isInstance()` works across copies. Call it once, in the class's `static {}` block, naming the class.
   *
   * @example
   * class ClientError extends OpenSpeedError<ClientErrorCode> {
   *   static {
   *     OpenSpeedError.brand(ClientError, '@openspeed/client.ClientError')
   *   }
   * }
   */
  static brand(errorClass: abstract new (...args: never[]) => OpenSpeedError<any>, marker: string): void {
    const symbol = Symbol.for(marker)
    // an own function per class: it needs no `this`, so it also works as a bare callback
    Object.defineProperty(errorClass, 'isInstance', { value: (value: unknown) => isBranded(value, symbol) })
    // on the prototype: instances carry the brand of their class and of every class above it
    Object.defineProperty(errorClass.prototype, symbol, { value: true })
  }

  static {
    OpenSpeedError.brand(OpenSpeedError, '@openspeed/core.OpenSpeedError')
  }
}
