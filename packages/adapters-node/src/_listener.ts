import type { HandleResult, OpenSpeed } from '@openspeed/core'
import { type NodeRequest, NodeRequestSource, type NodeResponse } from './_request-source.ts'
import { defaultLogError, writeInternalError, writeResult } from './_write.ts'
import type { NodeHandlerOptions } from './to-node-handler.ts'

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
    let result: HandleResult | Promise<HandleResult>
    try {
      result = app.handle(new NodeRequestSource(req, res), env)
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
