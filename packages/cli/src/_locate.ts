import { relative } from 'node:path'
import type { ModuleRunner } from 'vite/module-runner'

/**
 * Finds which evaluated module defines a function: a function's source text is a slice of the
 * code that created it, so the module whose transformed code contains it is where it lives.
 */
export function createLocator(
  runner: ModuleRunner,
  root: string,
): (fn: (...args: never[]) => unknown) => string | undefined {
  const modules = [...runner.evaluatedModules.idToModuleMap.values()].flatMap((node) =>
    node.meta !== undefined && 'code' in node.meta && typeof node.meta.code === 'string'
      ? [{ file: node.file, code: node.meta.code }]
      : [],
  )
  return (fn) => {
    const source = Function.prototype.toString.call(fn)
    const found = modules.find((module) => module.code.includes(source))
    return found === undefined ? undefined : relative(root, found.file)
  }
}
