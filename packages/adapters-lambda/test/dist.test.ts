import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import type * as Source from '../src/index.ts'
import { fixture, lambdaContext } from './_lambda.ts'

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))

it('answers API Gateway and ALB events through the built dist/', async () => {
  if (!existsSync(distEntry)) {
    throw new Error(`${distEntry} is missing: run \`pnpm --filter @openspeed/adapters-lambda build\` first`)
  }
  const dist = (await import(distEntry)) as typeof Source
  expect(Object.keys(dist).sort()).toEqual([
    'LambdaAdapterError',
    'handle',
    'lambdaErrorCodes',
    'streamHandle',
  ])
  const app = new OpenSpeed()
    .get('/my/path', (c) => c.json(c.req.queries()))
    .post('/upload', async (c) =>
      c.body(new Uint8Array(await c.req.arrayBuffer()), 200, { 'content-type': 'image/png' }),
    )
  const handler = dist.handle(app)
  const v2 = await handler(fixture('function-url'), lambdaContext())
  expect(v2.statusCode).toBe(405)
  const event = fixture('function-url')
  event.requestContext.http.method = 'GET'
  expect(await handler(event, lambdaContext())).toMatchObject({
    statusCode: 200,
    body: '{"parameter1":["value1","value2"],"parameter2":["value"]}',
  })
  const binary = await handler(fixture('rest-api-v1-binary'), lambdaContext())
  expect(binary).toMatchObject({ statusCode: 200, isBase64Encoded: true, body: 'AAH/gAJ/' })
  await expect(handler({} as never, lambdaContext())).rejects.toSatisfy((error) =>
    dist.LambdaAdapterError.isInstance(error),
  )
})
