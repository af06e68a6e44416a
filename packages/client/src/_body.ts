import { ClientError } from './client-error.ts'

/** A request body ready for `new Request()`, with the content type it needs (if any). */
export interface EncodedBody {
  body: BodyInit | undefined
  contentType: string | undefined
}

function hasFile(form: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(form)) {
    const value = form[key]
    for (const item of Array.isArray(value) ? value : [value]) if (item instanceof Blob) return true
  }
  return false
}

function toForm(form: Readonly<Record<string, unknown>>): FormData | URLSearchParams {
  // multipart only when a file is in it: urlencoded is smaller and every server reads it
  const target = hasFile(form) ? new FormData() : new URLSearchParams()
  for (const key of Object.keys(form)) {
    const value = form[key]
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue
      if (item instanceof Blob) (target as FormData).append(key, item)
      else target.append(key, String(item))
    }
  }
  return target
}

function toJson(json: unknown): string {
  let text: string | undefined
  try {
    text = JSON.stringify(json)
  } catch (error) {
    throw new ClientError('OS_ERR_CLIENT_INVALID_BODY', 'The `json` body cannot be serialised to JSON', {
      cause: error,
    })
  }
  if (text === undefined) {
    throw new ClientError('OS_ERR_CLIENT_INVALID_BODY', 'The `json` body serialises to nothing (a function?)')
  }
  return text
}

/** Encodes the `json` or `form` option of a call (FormData and URLSearchParams pass through). */
export function encodeBody(json: unknown, form: unknown): EncodedBody {
  if (json !== undefined && form !== undefined) {
    throw new ClientError('OS_ERR_CLIENT_INVALID_BODY', 'Pass either `json` or `form`, not both')
  }
  if (json !== undefined) return { body: toJson(json), contentType: 'application/json' }
  if (form === undefined || form === null) return { body: undefined, contentType: undefined }
  if (form instanceof FormData || form instanceof URLSearchParams)
    return { body: form, contentType: undefined }
  return { body: toForm(form as Record<string, unknown>), contentType: undefined }
}
