import type { HookName, Hooks } from './hooks.ts'
import { OpenSpeedError } from './openspeed-error.ts'

/** Hooks by name, in registration order. */
export type HookLists = { [K in HookName]: Hooks[K][] }

/** Empty hook lists. */
export function createHookLists(): HookLists {
  return { onStart: [], onRequest: [], onResponse: [], onError: [], onClose: [] }
}

const kHookNames: readonly string[] = Object.keys(createHookLists())

/** Refuses a name that is not a lifecycle hook and a hook that is not a function. */
export function assertValidHook(name: string, hook: unknown): void {
  if (!kHookNames.includes(name)) {
    throw new OpenSpeedError(
      'OS_ERR_HOOK_UNKNOWN_NAME',
      `"${name}" is not a lifecycle hook: use one of ${kHookNames.join(', ')}`,
    )
  }
  if (typeof hook !== 'function') {
    throw new OpenSpeedError(
      'OS_ERR_HOOK_INVALID_HANDLER',
      `The ${name} hook must be a function, got ${hook === null ? 'null' : typeof hook}`,
    )
  }
}
