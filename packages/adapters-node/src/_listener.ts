import { type OpenSpeed, toProblemResponse } from '@openspeed/core'
import { defaultLogError, type HandleResult } from '@openspeed/core/adapter'
import { NodeRequestSource } from './_request-source.ts'
import { writeInternalError, writeResult } from './_write.ts'
import type { NodeHandlerOptions } from './to-node-handler.ts'
import type { NodeRequest, NodeResponse } from './types.ts'

/** Shared, mutable serving state: set `draining` to answer with `Connection: close`. */
export interface ListenerState {
  draining: boolean
}

/** The Node `request` listener every entry point uses. */
export function createListener(
  app: OpenSpeed<any, any>,
  options: NodeHandlerOptions,
  state: ListenerState,
): (req: NodeRequest, res: NodeResponse) => void {
  const env = options.env
  const log = options.logError ?? defaultLogError
  const send = (result: HandleResult, req: NodeRequest, res: NodeResponse): void => {
    try {
      writeResult(result, req, res, state.draining)
    } catch (error) {
      writeInternalError(error, res, log)
    }
  }
  return (req, res) => {
    const source = new NodeRequestSource(req, res)
    if (source.invalid !== undefined) {
      // no URL exists for this request: like a parser error, it never reaches the app
      writeResult(toProblemResponse(source.invalid), req, res, true)
      return
    }
    let result: HandleResult | Promise<HandleResult>
    try {
      result = app.handle(source, env)
    } catch (error) {
      writeInternalError(error, res, log)
      return
    }
    if (result instanceof Promise) {
      result.then(
        (value) => send(value, req, res),
        (error: unknown) => writeInternalError(error, res, log),
      )
    } else {
      send(result, req, res)
    }
  }
}
