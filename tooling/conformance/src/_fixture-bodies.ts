import type { OpenSpeed } from '@openspeed/core'

/** The body limit of the fixture app, in bytes. */
export const fixtureBodyLimit: number = 1024 * 1024

async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** JSON, form, multipart and binary request bodies. */
export function addBodyRoutes(app: OpenSpeed): void {
  app.post('/echo/json', async (c) => c.json({ received: await c.req.json() }))
  app.post('/echo/form', async (c) => {
    const form = await c.req.formData()
    const fields: Record<string, unknown[]> = {}
    for (const [name, value] of form) {
      const item =
        typeof value === 'string'
          ? value
          : { name: value.name, type: value.type, size: value.size, text: await value.text() }
      ;(fields[name] ??= []).push(item)
    }
    return c.json(fields)
  })
  app.post('/echo/binary', async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    return c.body(bytes, 200, { 'content-type': 'application/octet-stream' })
  })
  app.post('/echo/digest', async (c) => {
    const bytes = await c.req.arrayBuffer()
    return c.json({ size: bytes.byteLength, sha256: await sha256(bytes) })
  })
}
