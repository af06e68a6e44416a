/**
 * Maps a request path to a file for one `static` entry, or `null` when the entry does not serve
 * it. `pattern` is either an exact path (`/favicon.ico` -> a file) or a prefix ending in `/*`
 * (`/assets/*` -> a directory). Segments are percent-decoded one by one; `.`/`..`, empty
 * segments and ones that decode to a slash, backslash or NUL are refused, so a request can never
 * leave the directory.
 */
export function resolveStaticPath(pattern: string, target: string, pathname: string): string | null {
  if (!pattern.endsWith('/*')) return pathname === pattern ? target : null
  const prefix = pattern.slice(0, -1)
  if (!pathname.startsWith(prefix)) return null
  const rest = pathname.slice(prefix.length)
  if (rest === '') return null
  const segments: string[] = []
  for (const raw of rest.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null
    segments.push(segment)
  }
  return `${target.endsWith('/') ? target.slice(0, -1) : target}/${segments.join('/')}`
}
