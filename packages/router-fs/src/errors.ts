import { type ErrorCodeTable, OpenSpeedError } from '@openspeed/core'

/**
 * A stable `@openspeed/router-fs` error code.
 *
 * @example
 * if (FileRouteError.isInstance(error) && error.code === 'OS_ERR_ROUTER_FS_DUPLICATE_ROUTE') process.exit(1)
 */
export type FileRouteErrorCode =
  | 'OS_ERR_ROUTER_FS_DIR_NOT_FOUND'
  | 'OS_ERR_ROUTER_FS_INVALID_NAME'
  | 'OS_ERR_ROUTER_FS_DUPLICATE_ROUTE'
  | 'OS_ERR_ROUTER_FS_IMPORT_FAILED'
  | 'OS_ERR_ROUTER_FS_INVALID_EXPORT'

/**
 * Every error code `@openspeed/router-fs` can throw, with what it means. All of them are raised
 * while routes load (a mistake in the routes folder), never in answer to a request: bad request
 * input gets core's problem responses (`OS_ERR_VALIDATION_FAILED`, `OS_ERR_NOT_FOUND`, ...).
 *
 * @example
 * import { fileRouteErrorCodes } from '@openspeed/router-fs'
 * fileRouteErrorCodes.OS_ERR_ROUTER_FS_DUPLICATE_ROUTE.description // 'Two files yield the same route ...'
 */
export const fileRouteErrorCodes: ErrorCodeTable<FileRouteErrorCode> = {
  OS_ERR_ROUTER_FS_DIR_NOT_FOUND: {
    description: 'The routes directory does not exist or is not a directory.',
  },
  OS_ERR_ROUTER_FS_INVALID_NAME: {
    description:
      'A file or folder name cannot become a route segment (bad parameter name, a catch-all that is not last, a parameter that appears twice, a mixed segment such as "[id].json").',
  },
  OS_ERR_ROUTER_FS_DUPLICATE_ROUTE: {
    description: 'Two files yield the same route; the message names both.',
  },
  OS_ERR_ROUTER_FS_IMPORT_FAILED: {
    description:
      'A route file could not be imported (syntax error, missing import, error thrown at load); the message names the file and the cause is attached.',
  },
  OS_ERR_ROUTER_FS_INVALID_EXPORT: {
    description:
      'A route, _middleware, _layout or _error file exports something of the wrong shape (no handler, a lower-case method name, a params export that is not a Standard Schema, ...).',
  },
}

/**
 * A mistake in the routes folder, found while routes load. `code` is one of
 * {@link fileRouteErrorCodes}; `file` is the route-relative path of the file at fault.
 * Recognised across two installed copies of the package through a `Symbol.for` brand.
 *
 * @example
 * import { FileRouteError, fileRoutes } from '@openspeed/router-fs'
 * try { await fileRoutes(app, { dir: './routes' }) } catch (error) {
 *   if (FileRouteError.isInstance(error)) console.error(error.code, error.file, error.message)
 * }
 */
export class FileRouteError extends OpenSpeedError<FileRouteErrorCode> {
  /** The file at fault, relative to the routes directory, with `/` separators. */
  readonly file: string | undefined

  constructor(code: FileRouteErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(code, message, options)
    this.file = options.file
  }

  static {
    OpenSpeedError.brand(FileRouteError, '@openspeed/router-fs.FileRouteError')
  }
}
