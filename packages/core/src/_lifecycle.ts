import type { AppState } from './_app-state.ts'
import { assertValidHook } from './_hooks.ts'
import { assertNotStarted } from './_register.ts'
import { build } from './_serve.ts'
import type { HookName, Hooks } from './hooks.ts'
import type { OpenSpeed } from './open-speed.ts'
import { OpenSpeedError } from './openspeed-error.ts'
import type { Plugin } from './plugin.ts'

/** Records a lifecycle hook; `onClose` and `onError` may still be added while serving. */
export function addHook<K extends HookName>(state: AppState, name: K, hook: Hooks[K]): void {
  assertValidHook(name, hook)
  if (name !== 'onClose' && name !== 'onError') assertNotStarted(state, `The ${name} hook`)
  state.hooks[name].push(hook)
}

/** Records a plugin after checking its name is new and its dependencies are registered. */
export function addPlugin(state: AppState, plugin: Plugin<any>, options: unknown): void {
  assertNotStarted(state, `The plugin "${plugin.name}"`)
  const names = new Set(state.plugins.map((entry) => entry.plugin.name))
  if (names.has(plugin.name)) {
    throw new OpenSpeedError('OS_ERR_PLUGIN_DUPLICATE', `The plugin "${plugin.name}" is already registered`)
  }
  for (const dependency of plugin.dependencies ?? []) {
    if (!names.has(dependency)) {
      throw new OpenSpeedError(
        'OS_ERR_PLUGIN_MISSING_DEPENDENCY',
        `The plugin "${plugin.name}" depends on "${dependency}", which must be registered before it`,
      )
    }
  }
  state.plugins.push({ plugin, options })
}

function runPlugins(app: OpenSpeed<any, any>): Promise<void> {
  const state = app['~state']
  state.pluginsRun ??= (async () => {
    for (const { plugin, options } of state.plugins) await plugin.setup(app, options)
    for (const mount of state.mounts) await runPlugins(mount.app)
  })()
  return state.pluginsRun
}

/** Runs plugin setups and `onStart` hooks once, then marks the app as serving. */
export function ready(app: OpenSpeed<any, any>): Promise<void> {
  const state = app['~state']
  state.ready ??= (async () => {
    await runPlugins(app)
    build(state)
    for (const hook of state.serving!.hooks.onStart) await hook(app)
    state.started = true
  })()
  return state.ready
}

/** Runs the `onClose` hooks once, newest first (mounted apps' hooks included once built). */
export function close(app: OpenSpeed<any, any>): Promise<void> {
  const state = app['~state']
  state.closed ??= (async () => {
    const hooks = state.serving?.hooks.onClose ?? state.hooks.onClose
    for (const hook of [...hooks].reverse()) await hook(app)
  })()
  return state.closed
}
