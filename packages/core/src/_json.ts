import { HttpError } from './http-error.ts'

function forbiddenKey(): HttpError {
  return HttpError.fromCode('OS_ERR_REQUEST_FORBIDDEN_JSON_KEY', {
    detail: 'The JSON body contains a "__proto__" or "constructor.prototype" key, which is not allowed',
  })
}

function assertNoPrototypeKeys(value: unknown): void {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item)
      continue
    }
    if (Object.hasOwn(node, '__proto__')) throw forbiddenKey()
    const ctor = (node as Record<string, unknown>).constructor
    if (
      Object.hasOwn(node, 'constructor') &&
      typeof ctor === 'object' &&
      ctor !== null &&
      Object.hasOwn(ctor, 'prototype')
    ) {
      throw forbiddenKey()
    }
    for (const key in node) stack.push((node as Record<string, unknown>)[key])
  }
}

/** Parses a JSON request body: 400 for invalid JSON and for prototype-polluting keys. */
export function parseJsonBody(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw HttpError.fromCode('OS_ERR_REQUEST_INVALID_JSON', {
      detail:
        text.trim() === ''
          ? 'The request body is empty; expected JSON'
          : 'The request body is not valid JSON',
      cause: error,
    })
  }
  // the walk over the parsed keys runs only when the text could spell such a key: literally, or
  // with a `\u` escape (no other JSON escape writes a letter or `_`), so ordinary bodies skip it
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('\\u')) {
    assertNoPrototypeKeys(value)
  }
  return value
}
