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
  if (host !== undefined && host === new URL(c.req.url).host) return
  if (trusted !== null && (await trusted(origin, c))) return
  reject(`A ${c.req.method} request from the origin ${JSON.stringify(origin)} is not allowed`)
}
