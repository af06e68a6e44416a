import { readFileSync } from 'node:fs'
import type { Context } from 'aws-lambda'

/** A Lambda context object with the fields the Node.js runtime provides. */
export function lambdaContext(requestId = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'openspeed-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:openspeed-test',
    memoryLimitInMB: '128',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/openspeed-test',
    logStreamName: '2026/01/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  }
}

/** A fresh copy of a JSON event fixture from test/fixtures, typed as the test needs. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T
}
