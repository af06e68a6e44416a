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
      "WebRequestSource",
      "assertContentLength",
      "bodyTooLarge",
      "definePlugin",
      "deleteCookie",
      "describe",
      "errorCodes",
      "getConnInfo",
      "getDescription",
      "getSignedCookie",
      "getValidation",
      "isJsonContentType",
      "parseCookieHeader",
      "problemContentType",
      "readStreamWithLimit",
      "serializeCookie",
      "setCookie",
      "setSignedCookie",
      "startServer",
      "toJsonPointer",
      "toProblemIssues",
      "toProblemResponse",
      "toValidationError",
      "toWebResponse",
      "validate",
    ]
  `)
})
