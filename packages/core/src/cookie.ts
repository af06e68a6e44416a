import { assertSafeHeader } from './_headers.ts'
import type { Context } from './context.ts'

/** Attributes of a `Set-Cookie` header. */
export interface CookieOptions {
  domain?: string
  path?: string
  /** Lifetime in seconds. */
  maxAge?: number
  expires?: Date
  httpOnly?: boolean
  secure?: boolean
  sameSite?: 'Strict' | 'Lax' | 'None'
  partitioned?: boolean
}

/** Parses a `Cookie` header into name/value pairs (values percent-decoded when valid). */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const result: Record<string, string> = Object.create(null)
  if (!header) return result
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    const name = part.slice(0, eq).trim()
    if (name === '' || name in result) continue
    let value = part.slice(eq + 1).trim()
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    if (value.includes('%')) {
      try {
        value = decodeURIComponent(value)
      } catch {
        // keep the raw value: a cookie someone else set must not turn a request into a 400
      }
    }
    result[name] = value
  }
  return result
}

/** Builds a `Set-Cookie` header value. The value is percent-encoded. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  let cookie = `${name}=${encodeURIComponent(value)}`
  if (options.maxAge !== undefined) cookie += `; Max-Age=${Math.floor(options.maxAge)}`
  if (options.expires) cookie += `; Expires=${options.expires.toUTCString()}`
  if (options.domain) cookie += `; Domain=${options.domain}`
  cookie += `; Path=${options.path ?? '/'}`
  if (options.httpOnly) cookie += '; HttpOnly'
  if (options.secure || options.sameSite === 'None' || options.partitioned) cookie += '; Secure'
  if (options.sameSite) cookie += `; SameSite=${options.sameSite}`
  if (options.partitioned) cookie += '; Partitioned'
  assertSafeHeader('set-cookie', cookie)
  return cookie
}

/**
 * Adds a `Set-Cookie` header to the response. Several cookies give several headers.
 *
 * @example
 * import { setCookie } from '@openspeed/core'
 * app.post('/login', (c) => {
 *   setCookie(c, 'theme', 'dark', { httpOnly: true, sameSite: 'Lax', maxAge: 3600 })
 *   return c.text('ok')
 * })
 */
export function setCookie(
  c: Context<any, any, any>,
  name: string,
  value: string,
  options?: CookieOptions,
): void {
  c.header('set-cookie', serializeCookie(name, value, options), { append: true })
}

/**
 * Tells the client to delete a cookie (same path and domain as when it was set).
 *
 * @example
 * deleteCookie(c, 'session', { path: '/' })
 */
export function deleteCookie(
  c: Context<any, any, any>,
  name: string,
  options: Pick<CookieOptions, 'path' | 'domain'> = {},
): void {
  setCookie(c, name, '', { ...options, maxAge: 0, expires: new Date(0) })
}

const encoder = new TextEncoder()

async function hmacKey(secret: string | CryptoKey): Promise<CryptoKey> {
  if (typeof secret !== 'string') return secret
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ])
}

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = ''
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Sets a cookie signed with HMAC-SHA256 (Web Crypto), so the client cannot alter it unnoticed.
 *
 * @example
 * await setSignedCookie(c, 'session', sessionId, process.env.COOKIE_SECRET!, { httpOnly: true })
 */
export async function setSignedCookie(
  c: Context<any, any, any>,
  name: string,
  value: string,
  secret: string | CryptoKey,
  options?: CookieOptions,
): Promise<void> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(value))
  setCookie(c, name, `${value}.${toBase64Url(signature)}`, options)
}

/**
 * Reads a signed cookie. Returns the value when the signature is valid, `false` when the cookie
 * was tampered with, and `undefined` when there is no such cookie.
 *
 * @example
 * const session = await getSignedCookie(c, 'session', process.env.COOKIE_SECRET!)
 * if (!session) throw new HttpError(401)
 */
export async function getSignedCookie(
  c: Context<any, any, any>,
  name: string,
  secret: string | CryptoKey,
): Promise<string | false | undefined> {
  const raw = c.req.cookie(name)
  if (raw === undefined) return undefined
  const dot = raw.lastIndexOf('.')
  if (dot === -1) return false
  const signature = fromBase64Url(raw.slice(dot + 1))
  if (signature === null) return false
  const value = raw.slice(0, dot)
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, encoder.encode(value))
  return valid ? value : false
}
