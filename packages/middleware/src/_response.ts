import type { Context } from '@openspeed/core'

/** One header of the response produced so far (`c.res`), whatever kind of response it is. */
export function responseHeader(c: Context, name: string): string | undefined {
  const res = c.res
  if (res === undefined) return undefined
  if (res instanceof Response) return res.headers.get(name) ?? undefined
  const value = res.headers[name]
  return value === undefined || typeof value === 'string' ? value : value.join(', ')
}

/** Adds `token` to the response's `Vary` header unless it (or `*`) is already listed. */
export function appendVary(c: Context, token: string): void {
  const current = responseHeader(c, 'vary')
  if (current === undefined || current.trim() === '') {
    c.header('vary', token)
    return
  }
  const lower = token.toLowerCase()
  for (const item of current.split(',')) {
    const name = item.trim().toLowerCase()
    if (name === '*' || name === lower) return
  }
  c.header('vary', `${current}, ${token}`)
}

/** HTTP token characters (RFC 9110 `tchar`). */
export const tokenPattern: RegExp = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
