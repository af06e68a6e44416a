import { aborted, raceAbort } from './_abort.ts'
import { ClientError } from './client-error.ts'

const kNoBody = new Set([204, 205, 304])

function isJson(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase()
  return type === 'application/json' || type.endsWith('+json')
}

async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await raceAbort(response.text(), signal)
  } catch (error) {
    if (signal?.aborted) {
      response.body?.cancel().catch(() => {})
      throw aborted(signal)
    }
    throw new ClientError('OS_ERR_CLIENT_NETWORK', 'The connection broke while reading the response body', {
      cause: error,
      response,
    })
  }
}

async function parseJson(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  const text = await readText(response, signal)
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ClientError(
      'OS_ERR_CLIENT_INVALID_JSON',
      `The ${response.status} response is labelled JSON but its body does not parse`,
      { cause: error, response },
    )
  }
}

/**
 * Reads a success body: JSON parsed, text as a string, nothing as `undefined`. Other bodies
 * (binary, event streams) are left unread on `response` for the caller to stream.
 */
export async function readData(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  if (kNoBody.has(response.status) || response.body === null) return undefined
  const contentType = response.headers.get('content-type') ?? ''
  if (isJson(contentType)) return parseJson(response, signal)
  if (contentType.startsWith('text/') && !contentType.startsWith('text/event-stream')) {
    return readText(response, signal)
  }
  return undefined
}

/** Reads an error body, which must be JSON (an RFC 9457 problem from an OpenSpeed app). */
export async function readProblem(response: Response, signal: AbortSignal | undefined): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? ''
  if (isJson(contentType)) {
    const problem = await parseJson(response, signal)
    if (problem !== undefined) return problem
  }
  const text = contentType === '' ? '' : (await readText(response, signal)).slice(0, 200)
  throw new ClientError(
    'OS_ERR_CLIENT_NOT_PROBLEM',
    `The server answered ${response.status} with ${contentType === '' ? 'no content type' : contentType}` +
      ` instead of a JSON problem${text === '' ? '' : `: ${text}`}`,
    { response },
  )
}
