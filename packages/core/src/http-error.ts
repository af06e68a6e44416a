import { errorStatus, statusTitle } from './_error-status.ts'
import type { ErrorCode } from './error-codes.ts'
import { OpenSpeedError } from './openspeed-error.ts'

/** One validation issue, as listed in a problem response's `errors` member. */
export interface ProblemIssue {
  /** Which part of the request failed: `json`, `form`, `query`, `params`, `headers` or `cookie`. */
  where: string
  /** JSON Pointer to the failing value inside that part, e.g. `/items/0/name`. */
  path: string
  message: string
}

/** Options for {@link HttpError}. */
export interface HttpErrorOptions {
  /** A stable error code, sent as the problem's `code` member. */
  code?: ErrorCode | (string & {})
  /** Safe, human-readable detail sent to the client. */
  detail?: string
  /**
   * Short, human-readable summary of the problem type (RFC 9457 `title`); defaults to the status
   * phrase (`Not Found`). It should not change from one occurrence to the next: put what varies in
   * `detail`.
   */
  title?: string
  /**
   * RFC 9457 `type`: a URI naming the problem type, ideally a page that documents it
   * (`https://example.com/problems/out-of-stock`); defaults to `about:blank`, which means "the
   * status says it all".
   */
  type?: string
  /**
   * RFC 9457 extension members: more top-level members of the problem body, such as
   * `{ noteId: '42', balance: 30 }`. Values must be JSON-serialisable. The standard members
   * (`type`, `title`, `status`, `detail`, `instance`, `code`, `errors`) cannot be replaced this way:
   * naming one throws `OS_ERR_PROBLEM_RESERVED_MEMBER`.
   */
  extensions?: Record<string, unknown>
  /** Extra response headers (e.g. `Allow`, `Retry-After`). */
  headers?: Record<string, string>
  /** Validation issues, listed in the problem's `errors` member. */
  errors?: ProblemIssue[]
  /** The underlying error; logged, never sent to the client. */
  cause?: unknown
}

/**
 * An error a client may see. Throw it anywhere in a handler or middleware and the app answers
 * with an RFC 9457 `application/problem+json` response carrying its status, title and detail.
 * Recognised across two installed copies of core through a `Symbol.for` brand.
 *
 * @example
 * import { HttpError } from '@openspeed/core'
 * app.get('/books/:id', (c) => {
 *   const book = books.get(c.req.param('id'))
 *   if (!book) throw new HttpError(404, { detail: 'No book with that id' })
 *   return c.json(book)
 * })
 * // a problem type of your own, with an extension member:
 * // 409 { "type": "https://example.com/problems/note-locked", "title": "Note locked",
 * //       "status": 409, "detail": "...", "noteId": "42" }
 * throw new HttpError(409, {
 *   type: 'https://example.com/problems/note-locked',
 *   title: 'Note locked',
 *   detail: 'Someone else is editing this note',
 *   extensions: { noteId: '42' },
 * })
 */
const reservedMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors'])

function checkExtensions(extensions: Record<string, unknown>): Readonly<Record<string, unknown>> {
  for (const name of Object.keys(extensions)) {
    if (reservedMembers.has(name)) {
      throw new OpenSpeedError(
        'OS_ERR_PROBLEM_RESERVED_MEMBER',
        `The problem extension member "${name}" would replace a standard member: set it through its own option, or pick another name`,
      )
    }
  }
  return extensions
}

export class HttpError extends OpenSpeedError<string | undefined> {
  readonly status: number
  readonly title: string
  readonly detail: string | undefined
  readonly type: string
  readonly headers: Record<string, string> | undefined
  readonly errors: ProblemIssue[] | undefined
  /** RFC 9457 extension members sent with the problem body (see {@link HttpErrorOptions.extensions}). */
  readonly extensions: Readonly<Record<string, unknown>> | undefined

  constructor(status: number, options: HttpErrorOptions = {}) {
    const title = options.title ?? statusTitle(status)
    super(options.code, options.detail ?? title, options)
    this.status = status
    this.title = title
    this.detail = options.detail
    this.type = options.type ?? 'about:blank'
    this.headers = options.headers
    this.errors = options.errors
    this.extensions = options.extensions === undefined ? undefined : checkExtensions(options.extensions)
  }

  /**
   * Builds an `HttpError` for a documented core error code, taking its status and title.
   *
   * @example
   * throw HttpError.fromCode('OS_ERR_REQUEST_BODY_TOO_LARGE', { detail: 'Limit is 1 MiB' })
   */
  static fromCode(code: ErrorCode, options: Omit<HttpErrorOptions, 'code'> = {}): HttpError {
    return new HttpError(errorStatus[code], { ...options, code })
  }

  static {
    OpenSpeedError.brand(HttpError, '@openspeed/core.HttpError')
  }
}
