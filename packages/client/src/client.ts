import { aborted, raceAbort } from './_abort.ts'
import { encodeBody } from './_body.ts'
import { readData, readProblem } from './_response.ts'
import { fillPath, toBaseUrl, toQueryString } from './_url.ts'
import { ClientError } from './client-error.ts'
import type { Client, RoutesOf } from './types.ts'

/** Headers for every request, or a function that returns them (called once per request). */
export type HeadersOption = HeadersInit | (() => HeadersInit | undefined | Promise<HeadersInit | undefined>)

/** Options for {@link createClient}. */
export interface ClientOptions {
  /**
   * The function that sends requests; it receives a `Request`. Default: the global `fetch`. Pass
   * `app.fetch` to call an app in memory (tests), or a wrapper to add retries or logging.
   */
  fetch?: (request: Request) => Response | Promise<Response>
  /** Headers sent with every request (per-call `headers` win). */
  headers?: HeadersOption
}

interface RawOptions {
  params?: Record<string, unknown>
  query?: Record<string, unknown>
  headers?: Record<string, string>
  cookie?: Record<string, unknown>
  json?: unknown
  form?: unknown
  signal?: AbortSignal
  init?: RequestInit
}

async function buildHeaders(
  defaults: HeadersOption | undefined,
  options: RawOptions,
  contentType: string | undefined,
): Promise<Headers> {
  const headers = new Headers(typeof defaults === 'function' ? await defaults() : defaults)
  if (options.headers !== undefined) {
    for (const name of Object.keys(options.headers)) {
      const value = options.headers[name]
      if (value !== undefined && value !== null) headers.set(name, String(value))
    }
  }
  if (options.cookie !== undefined) {
    const pairs = Object.entries(options.cookie).filter(([, value]) => value !== undefined && value !== null)
    const cookie = pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join('; ')
    if (cookie !== '') headers.set('cookie', cookie)
  }
  if (contentType !== undefined) headers.set('content-type', contentType)
  if (!headers.has('accept'))
    headers.set('accept', 'application/json, application/problem+json;q=0.9, */*;q=0.8')
  return headers
}

async function buildRequest(
  url: string,
  method: string,
  raw: RawOptions,
  defaults: HeadersOption | undefined,
): Promise<Request> {
  const { body, contentType } = encodeBody(raw.json, raw.form)
  try {
    const headers = await buildHeaders(defaults, raw, contentType)
    return new Request(url, { ...raw.init, method, headers, body, signal: raw.signal })
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    throw new ClientError('OS_ERR_CLIENT_INVALID_REQUEST', `${method} ${url}: ${error.message}`, {
      cause: error,
    })
  }
}

async function send(
  doFetch: (request: Request) => Response | Promise<Response>,
  request: Request,
  signal: AbortSignal | undefined,
): Promise<Response> {
  if (signal?.aborted) throw aborted(signal)
  try {
    return await raceAbort(Promise.resolve(doFetch(request)), signal)
  } catch (error) {
    if (signal?.aborted) throw aborted(signal)
    throw new ClientError(
      'OS_ERR_CLIENT_NETWORK',
      `${request.method} ${request.url} failed: ${String(error)}`,
      {
        cause: error,
      },
    )
  }
}

/**
 * Creates a typed client for an OpenSpeed app (`typeof app`) or a generated contract. Each call
 * takes a route path exactly as it was registered (`'/books/:id'`), its params, query, headers and
 * body as typed by the route's validators, and resolves to `{ ok: true, status, data }` or
 * `{ ok: false, status, problem }`. Only Web `fetch` is used: it runs on every runtime and in
 * browsers, with no dependencies.
 *
 * @example
 * import { createClient } from '@openspeed/client'
 * import type { App } from './app.ts'
 *
 * const api = createClient<App>('http://localhost:3000', { headers: { authorization: 'Bearer x' } })
 * const result = await api.post('/books', { json: { title: 'Dune', author: 'Frank Herbert', isbn: '9780441172719' } })
 * if (result.ok) console.log(result.data.id)
 * else console.error(result.problem.detail)
 */
export function createClient<T>(baseUrl: string | URL, options: ClientOptions = {}): Client<RoutesOf<T>> {
  const base = toBaseUrl(baseUrl)
  const doFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const call = async (method: string, path: string, raw: RawOptions = {}): Promise<unknown> => {
    const url = base + fillPath(path, raw.params) + toQueryString(raw.query)
    const request = await buildRequest(url, method, raw, options.headers)
    const response = await send(doFetch, request, raw.signal)
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, status: response.status, data: await readData(response, raw.signal), response }
    }
    return { ok: false, status: response.status, problem: await readProblem(response, raw.signal), response }
  }
  const method =
    (name: string) =>
    (path: string, raw?: RawOptions): Promise<unknown> =>
      call(name, path, raw)
  return {
    get: method('GET'),
    post: method('POST'),
    put: method('PUT'),
    patch: method('PATCH'),
    delete: method('DELETE'),
    options: method('OPTIONS'),
    request: (name: string, path: string, raw?: RawOptions) => call(name.toUpperCase(), path, raw),
  } as never
}
