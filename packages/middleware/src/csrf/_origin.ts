import type { Context } from '@openspeed/core'
import { middlewareError } from '../_errors.ts'
import type { OriginCheck } from '../cors/_origin.ts'

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

const kDefaultPorts: Record<string, string> = { http: ':80', https: ':443' }

/**
 * The request's own `host[:port]`, read from `c.req.url` without parsing it as a URL: the
 * authority comes from the client's Host header, and must not be able to throw here.
 */
function requestHost(url: string): string {
  const start = url.indexOf('://') + 3
  let end = start
  while (end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#') end++
  const authority = url.slice(start, end).toLowerCase()
  const port = kDefaultPorts[url.slice(0, start - 3).toLowerCase()]
  return port !== undefined && authority.endsWith(port) ? authority.slice(0, -port.length) : authority
}

function reject(detail: string): never {
  throw middlewareError('OS_ERR_CSRF_ORIGIN_REJECTED', { detail })
}

/**
 * Refuses an unsafe request a browser sent from another site. Browsers mark every request with
 * `Sec-Fetch-Site` (since 2023) and unsafe cross-origin ones with `Origin`; requests with neither
 * come from non-browser clients, which CSRF cannot involve.
 */
export async function assertSameOrigin(c: Context, trusted: OriginCheck | null): Promise<void> {
  const origin = c.req.header('origin')
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return
    if (origin !== undefined && trusted !== null && (await trusted(origin, c))) return
    reject(`A ${site} ${c.req.method} request from ${origin ?? 'an unknown origin'} is not allowed`)
  }
  if (origin === undefined) return
  const host = hostOf(origin)
  if (host !== undefined && host === requestHost(c.req.url)) return
  if (trusted !== null && (await trusted(origin, c))) return
  reject(`A ${c.req.method} request from the origin ${JSON.stringify(origin)} is not allowed`)
}
