import { describe, expect, it } from 'vitest'
import { encodeBody } from './_body.ts'

describe('encodeBody', () => {
  it('encodes JSON with its content type', () => {
    expect(encodeBody({ a: [1] }, undefined)).toEqual({ body: '{"a":[1]}', contentType: 'application/json' })
    expect(encodeBody(null, undefined)).toEqual({ body: 'null', contentType: 'application/json' })
    expect(encodeBody(undefined, undefined)).toEqual({ body: undefined, contentType: undefined })
  })

  it('encodes forms as urlencoded, or multipart when a file is in them', async () => {
    const plain = encodeBody(undefined, { a: 'x', b: [1, 2], c: undefined })
    expect(plain.body).toBeInstanceOf(URLSearchParams)
    expect(String(plain.body)).toBe('a=x&b=1&b=2')
    const multipart = encodeBody(undefined, { file: new Blob(['hi']), n: 1 })
    expect(multipart.body).toBeInstanceOf(FormData)
    expect([...(multipart.body as FormData).keys()]).toEqual(['file', 'n'])
    const ready = new FormData()
    expect(encodeBody(undefined, ready).body).toBe(ready)
  })

  it('throws OS_ERR_CLIENT_INVALID_BODY for both bodies or JSON that does not serialise', () => {
    const invalid = expect.objectContaining({ code: 'OS_ERR_CLIENT_INVALID_BODY' })
    expect(() => encodeBody({}, {})).toThrowError(invalid)
    expect(() => encodeBody({ n: 1n }, undefined)).toThrowError(invalid)
    expect(() => encodeBody(() => 1, undefined)).toThrowError(invalid)
  })
})
