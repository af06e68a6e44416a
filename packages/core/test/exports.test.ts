import { expect, it } from 'vitest'

it('keeps the public export names stable', async () => {
  const exports = Object.keys(await import('../src/index.ts')).sort()
  expect(exports).toMatchInlineSnapshot(`
    [
      "Context",
      "FastResponse",
      "HttpError",
      "OpenSpeed",
      "OpenSpeedError",
      "OpenSpeedRequest",
      "RadixRouter",
      "checkOptions",
      "definePlugin",
      "deleteCookie",
      "describe",
      "errorCodes",
      "getConnInfo",
      "getSignedCookie",
      "isJsonContentType",
      "parseCookieHeader",
      "problemContentType",
      "serializeCookie",
      "setCookie",
      "setSignedCookie",
      "toJsonPointer",
      "toProblemIssues",
      "toProblemResponse",
      "toValidationError",
      "validate",
      "withDescription",
    ]
  `)
})

it('keeps the adapter entry (`@openspeed/core/adapter`) export names stable', async () => {
  const exports = Object.keys(await import('../src/adapter.ts')).sort()
  expect(exports).toMatchInlineSnapshot(`
    [
      "WebRequestSource",
      "assertContentLength",
      "bodyTooLarge",
      "defaultLogError",
      "internalErrorResponse",
      "invalidHostError",
      "isValidAuthority",
      "readStreamWithLimit",
      "respondSafely",
      "startServer",
      "toWebResponse",
    ]
  `)
})
