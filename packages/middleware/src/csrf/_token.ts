import {
  type Context,
  type CookieOptions,
  getSignedCookie,
  setCookie,
  setSignedCookie,
} from '@openspeed/core'
import { middlewareError } from '../_errors.ts'
import type { CsrfTokenOptions } from './options.ts'

/** The token settings with defaults applied. */
export interface TokenPolicy {
  cookie: string
  cookieOptions: CookieOptions
  header: string
  field: string
  secret: string | CryptoKey | undefined
}

const kToken = /^[A-Za-z0-9_-]{43}$/

export function toTokenPolicy(options: CsrfTokenOptions): TokenPolicy {
  return {
    cookie: options.cookie ?? '__Host-csrf',
    cookieOptions: options.cookieOptions ?? { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' },
    header: (options.header ?? 'x-csrf-token').toLowerCase(),
    field: options.field ?? '_csrf',
    secret: options.secret,
  }
}

function newToken(): string {
  let binary = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(32))) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Compares in time independent of where the strings differ, so a token cannot be guessed byte by byte. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/** The browser's current token from its cookie: the token, `undefined` without one, `false` when forged. */
async function cookieToken(c: Context, policy: TokenPolicy): Promise<string | false | undefined> {
  const value =
    policy.secret === undefined
      ? c.req.cookie(policy.cookie)
      : await getSignedCookie(c, policy.cookie, policy.secret)
  if (typeof value !== 'string') return value
  return kToken.test(value) ? value : false
}

async function submittedToken(c: Context, policy: TokenPolicy): Promise<string | undefined> {
  const header = c.req.header(policy.header)
  if (header !== undefined) return header
  const type = c.req.header('content-type')?.toLowerCase() ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined
  const value = (await c.req.formData()).get(policy.field)
  return typeof value === 'string' ? value : undefined
}

/**
 * Makes sure the browser has a token cookie (setting one when missing or invalid), exposes the
 * token as `c.get('csrfToken')`, and for unsafe requests checks the submitted copy against it.
 */
export async function checkToken(c: Context, policy: TokenPolicy, unsafe: boolean): Promise<void> {
  const current = await cookieToken(c, policy)
  const token = typeof current === 'string' ? current : newToken()
  if (token !== current) {
    if (policy.secret === undefined) setCookie(c, policy.cookie, token, policy.cookieOptions)
    else await setSignedCookie(c, policy.cookie, token, policy.secret, policy.cookieOptions)
  }
  c.set('csrfToken', token)
  if (!unsafe) return
  if (current === false) {
    throw middlewareError('OS_ERR_CSRF_TOKEN_INVALID', {
      detail: 'The CSRF cookie is not valid; reload the page',
    })
  }
  const submitted = await submittedToken(c, policy)
  if (current === undefined || submitted === undefined) {
    throw middlewareError('OS_ERR_CSRF_TOKEN_MISSING', {
      detail: `Send the CSRF token in the ${policy.header} header or the ${policy.field} form field`,
    })
  }
  if (!constantTimeEqual(submitted, token)) {
    throw middlewareError('OS_ERR_CSRF_TOKEN_INVALID', { detail: 'The CSRF token does not match' })
  }
}
