/**
 * The HTTP status of every core error code: all that building an error needs at run time. The
 * titles come from the status; the descriptions live in `error-codes.ts`, which only apps that
 * list the codes bundle.
 */
export const errorStatus = {
  OS_ERR_BAD_REQUEST: 400,
  OS_ERR_REQUEST_MALFORMED_URL: 400,
  OS_ERR_REQUEST_UNPARSABLE: 400,
  OS_ERR_REQUEST_INVALID_HOST: 400,
  OS_ERR_REQUEST_BODY_INCOMPLETE: 400,
  OS_ERR_REQUEST_TIMEOUT: 408,
  OS_ERR_REQUEST_HEADERS_TOO_LARGE: 431,
  OS_ERR_REQUEST_INVALID_JSON: 400,
  OS_ERR_REQUEST_FORBIDDEN_JSON_KEY: 400,
  OS_ERR_REQUEST_INVALID_FORM: 400,
  OS_ERR_VALIDATION_FAILED: 400,
  OS_ERR_NOT_FOUND: 404,
  OS_ERR_METHOD_NOT_ALLOWED: 405,
  OS_ERR_REQUEST_BODY_TOO_LARGE: 413,
  OS_ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: 415,
  OS_ERR_INTERNAL: 500,
  OS_ERR_RESPONSE_INVALID_HEADER: 500,
  OS_ERR_ROUTER_INVALID_PATTERN: 500,
  OS_ERR_ROUTER_DUPLICATE_ROUTE: 500,
  OS_ERR_MIDDLEWARE_INVALID_SCOPE: 500,
  OS_ERR_MIDDLEWARE_NEXT_CALLED_TWICE: 500,
  OS_ERR_HOOK_UNKNOWN_NAME: 500,
  OS_ERR_HOOK_INVALID_HANDLER: 500,
  OS_ERR_APP_ALREADY_STARTED: 500,
  OS_ERR_PLUGIN_DUPLICATE: 500,
  OS_ERR_PLUGIN_MISSING_DEPENDENCY: 500,
  OS_ERR_BODY_ALREADY_READ: 500,
  OS_ERR_PROBLEM_RESERVED_MEMBER: 500,
  OS_ERR_INVALID_OPTIONS: 500,
} as const

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The standard reason phrase of an error status, or a generic one for unlisted statuses. */
export function statusTitle(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error')
}
