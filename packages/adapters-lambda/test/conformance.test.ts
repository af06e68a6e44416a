import { fileURLToPath } from 'node:url'
import { defineConformanceSuite, nodeSourceArgs, spawnServer } from '@openspeed/conformance'

const server = fileURLToPath(new URL('./fixtures/lambda-conformance-server.ts', import.meta.url))
const start = (mode: string) => () =>
  spawnServer({
    command: process.execPath,
    args: [...nodeSourceArgs(), server],
    env: { OPENSPEED_LAMBDA_EVENT: mode },
  })

// Lambda never tells a function that the client went away, and a buffered result is one payload;
// the AWS service in front owns the Host header and the path (an invalid Host falls back to the
// request context's domain: src/handle-errors.test.ts)
defineConformanceSuite({
  name: 'lambda function-url',
  start: start('function-url'),
  gaps: ['no-client-abort', 'no-streaming', 'platform-host'],
})
defineConformanceSuite({
  name: 'lambda rest-api',
  start: start('rest-api'),
  gaps: ['no-client-abort', 'no-streaming', 'platform-host'],
})
defineConformanceSuite({
  name: 'lambda function-url streaming',
  start: start('function-url-stream'),
  gaps: ['no-client-abort', 'platform-host'],
})
