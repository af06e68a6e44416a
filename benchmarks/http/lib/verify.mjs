import { isDeepStrictEqual } from 'node:util'

async function send(url, scenario, overrides = {}) {
  const response = await fetch(url + scenario.path, {
    method: scenario.method,
    headers: overrides.headers ?? scenario.headers,
    body: overrides.body ?? scenario.body,
  })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
}

function short(text) {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

/**
 * Checks a server's answer to a scenario (status, content type, exact body or JSON value, and
 * the extra requests in `scenario.also`). Returns `null` when right, else the reason it is wrong.
 */
export async function verify(url, scenario) {
  const expect = scenario.expect
  let got
  try {
    got = await send(url, scenario)
  } catch (error) {
    return `request failed: ${error.cause?.message ?? error.message}`
  }
  const status = expect.status ?? 200
  if (got.status !== status) return `status ${got.status}, expected ${status} (body: ${short(got.text)})`
  if (expect.type && !got.type.toLowerCase().startsWith(expect.type))
    return `content-type "${got.type}", expected ${expect.type}`
  if (expect.text !== undefined && got.text !== expect.text)
    return `body ${JSON.stringify(short(got.text))}, expected ${JSON.stringify(expect.text)}`
  if (expect.json !== undefined) {
    let value
    try {
      value = JSON.parse(got.text)
    } catch {
      return `body is not JSON: ${short(got.text)}`
    }
    if (!isDeepStrictEqual(value, expect.json)) return `JSON body differs: ${short(got.text)}`
  }
  for (const extra of scenario.also ?? []) {
    const answer = await send(url, scenario, extra)
    if (!extra.status.includes(answer.status))
      return `${extra.what}: status ${answer.status}, expected ${extra.status.join(' or ')}`
  }
  return null
}
