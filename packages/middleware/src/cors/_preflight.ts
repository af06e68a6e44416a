import type { Context, FastResponse } from '@openspeed/core'
import { middlewareError } from '../_errors.ts'
import { tokenPattern } from '../_response.ts'

/** What a preflight answer needs, computed once from the options. */
export interface PreflightPolicy {
  readonly allowMethods: ReadonlySet<string>
  readonly allowMethodsHeader: string
  /** Lower-case allowed request headers, or `null` to allow (reflect) what the browser asks for. */
  readonly allowHeaders: ReadonlySet<string> | null
  readonly allowHeadersHeader: string
  readonly maxAge: string | undefined
}

function varyOnly(corsHeaders: Record<string, string>): Record<string, string> | undefined {
  return corsHeaders.vary === undefined ? undefined : { vary: corsHeaders.vary }
}

function invalid(detail: string): never {
  throw middlewareError('OS_ERR_CORS_INVALID_PREFLIGHT', { detail })
}

/** The requested headers, lower-cased and validated; answers 400 for a malformed list. */
function requestedHeaders(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return []
  const names = value.split(',').map((name) => name.trim().toLowerCase())
  for (const name of names) {
    if (!tokenPattern.test(name)) invalid('Access-Control-Request-Headers is not a list of header names')
  }
  return names
}

/**
 * Answers an allowed preflight with 204 (the handler never runs), or throws the 400/403 problem
 * for a malformed or refused one.
 */
export function answerPreflight(
  c: Context,
  policy: PreflightPolicy,
  corsHeaders: Record<string, string>,
): FastResponse {
  const method = c.req.header('access-control-request-method')!
  if (!tokenPattern.test(method)) invalid('Access-Control-Request-Method is not a method name')
  if (!policy.allowMethods.has(method)) {
    throw middlewareError('OS_ERR_CORS_METHOD_NOT_ALLOWED', {
      detail: `The method ${method} is not allowed for cross-origin requests`,
      headers: varyOnly(corsHeaders),
    })
  }
  const headers = requestedHeaders(c.req.header('access-control-request-headers'))
  const allowed = policy.allowHeaders
  let allowHeaders = policy.allowHeadersHeader
  if (allowed === null) {
    allowHeaders = headers.join(', ')
    corsHeaders.vary = corsHeaders.vary
      ? `${corsHeaders.vary}, Access-Control-Request-Headers`
      : 'Access-Control-Request-Headers'
  } else {
    const refused = headers.filter((name) => !allowed.has(name))
    if (refused.length > 0) {
      throw middlewareError('OS_ERR_CORS_HEADERS_NOT_ALLOWED', {
        detail: `The request headers ${refused.join(', ')} are not allowed for cross-origin requests`,
        headers: varyOnly(corsHeaders),
      })
    }
  }
  corsHeaders['access-control-allow-methods'] = policy.allowMethodsHeader
  if (allowHeaders !== '') corsHeaders['access-control-allow-headers'] = allowHeaders
  if (policy.maxAge !== undefined) corsHeaders['access-control-max-age'] = policy.maxAge
  return c.body(null, 204, corsHeaders)
}
