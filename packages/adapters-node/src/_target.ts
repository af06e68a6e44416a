const kAbsoluteForm = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//

/**
 * Splits an absolute-form request target (`GET http://host/path HTTP/1.1`, as sent to proxies)
 * into the origin and the path-and-query core routes on. `null` for anything else (`*`, junk),
 * which core then answers with 400.
 */
export function splitAbsoluteForm(url: string): { origin: string; target: string } | null {
  const match = kAbsoluteForm.exec(url)
  if (match === null) return null
  const start = match[0].length
  let end = start
  while (end < url.length) {
    const code = url.charCodeAt(end)
    if (code === 47 /* / */ || code === 63 /* ? */ || code === 35 /* # */) break
    end++
  }
  if (end === start) return null
  const rest = url.slice(end)
  const target = rest.charCodeAt(0) === 47 ? rest : `/${rest}`
  return { origin: url.slice(0, end).toLowerCase(), target }
}
