import type { OpenApiObject } from './types.ts'

/** The JSON Schema of an RFC 9457 problem as OpenSpeed sends it; the `Problem` component. */
export const problemSchema: OpenApiObject = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string', description: 'A URI identifying the problem type', default: 'about:blank' },
    title: { type: 'string', description: 'Short summary of the problem type' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string', description: 'Human-readable explanation of this occurrence' },
    instance: { type: 'string', description: 'The request path' },
    code: { type: 'string', description: 'Stable error code, e.g. OS_ERR_VALIDATION_FAILED' },
    errors: {
      type: 'array',
      description: 'Each validation issue',
      items: {
        type: 'object',
        properties: {
          where: {
            type: 'string',
            enum: ['json', 'form', 'query', 'params', 'headers', 'cookie', 'response'],
          },
          path: { type: 'string', description: 'JSON Pointer into that part of the request' },
          message: { type: 'string' },
        },
        required: ['where', 'path', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status'],
}

const descriptions: Record<number, string> = {
  400: 'Bad request: malformed input or a validation failure (see `errors`)',
  401: 'Unauthorized: missing or invalid credentials',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
}

/** A problem+json response referring to the shared `Problem` schema. */
export function problemResponse(status: number, description?: string): OpenApiObject {
  return {
    description: description ?? descriptions[status] ?? 'Error',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  }
}

/** What decides which problem responses a route can produce. */
export interface ProblemTraits {
  validates: boolean
  hasBody: boolean
  secured: boolean
}

/**
 * The error statuses documented for every route that can produce them: 400 when it validates,
 * 413 and 415 when it reads a body, 401 when it requires security, and 500 always.
 */
export function automaticProblems(traits: ProblemTraits): number[] {
  const statuses: number[] = []
  if (traits.validates || traits.hasBody) statuses.push(400)
  if (traits.secured) statuses.push(401)
  if (traits.hasBody) statuses.push(413, 415)
  statuses.push(500)
  return statuses
}
