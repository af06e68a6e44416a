import { OpenSpeedError } from './openspeed-error.ts'

/**
 * A kind of value an option accepts. `object` is any object that is not an array, a RegExp or
 * a function (a plain object, a class instance such as a logger or a `CryptoKey`), `integer` a whole finite number, `string[]` an array of strings, `true` / `false` the
 * literal booleans (`false` usually meaning "turn this off").
 */
export type OptionKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'true'
  | 'false'
  | 'function'
  | 'object'
  | 'array'
  | 'string[]'
  | 'regexp'

/** What one option accepts: kinds and literal values (either matching is enough), nested options. */
export interface OptionRule {
  /** The kinds of value accepted. */
  readonly kind?: OptionKind | readonly OptionKind[]
  /** Literal values accepted, e.g. `['fixed-window', 'sliding-window']`. */
  readonly oneOf?: readonly (string | number | boolean)[]
  /** When the value is an object, the schema its own keys are checked against. */
  readonly shape?: OptionsSchema
  /** Refuse `undefined`. Options are optional by default. */
  readonly required?: boolean
}

/** Every option a function accepts, by name: a kind, a list of kinds, or a full {@link OptionRule}. */
export type OptionsSchema = { readonly [name: string]: OptionKind | readonly OptionKind[] | OptionRule }

const kinds: Record<OptionKind, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && !Number.isNaN(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  true: (value) => value === true,
  false: (value) => value === false,
  function: (value) => typeof value === 'function',
  object: (value) => isObject(value),
  array: (value) => Array.isArray(value),
  'string[]': (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  regexp: (value) => value instanceof RegExp,
}

const labels: Record<OptionKind, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  true: 'true',
  false: 'false',
  function: 'a function',
  object: 'an object',
  array: 'an array',
  'string[]': 'an array of strings',
  regexp: 'a RegExp',
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp)
}

function toRule(spec: OptionsSchema[string]): OptionRule {
  return typeof spec === 'string' || Array.isArray(spec)
    ? { kind: spec as OptionRule['kind'] }
    : (spec as OptionRule)
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (value instanceof RegExp) return 'a RegExp'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'object') return 'an object'
  return typeof value === 'function' ? 'a function' : String(value)
}

// the edit distance between two short names, for "did you mean" hints
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

function unknownKey(where: string, key: string, schema: OptionsSchema): string {
  const names = Object.keys(schema)
  const close = names.find((name) => distance(key, name) <= Math.max(1, Math.floor(name.length / 4)))
  const hint =
    close === undefined ? `known options: ${names.join(', ') || 'none'}` : `did you mean "${close}"?`
  return `${where}: unknown option "${key}"; ${hint}`
}

function checkValue(where: string, value: unknown, rule: OptionRule): string | undefined {
  if (value === undefined) return rule.required === true ? `${where} is required` : undefined
  const allowed = rule.kind === undefined ? [] : typeof rule.kind === 'string' ? [rule.kind] : rule.kind
  const literals = rule.oneOf ?? []
  if (literals.includes(value as string) || allowed.some((kind) => kinds[kind](value))) {
    return rule.shape !== undefined && isObject(value) ? checkShape(where, value, rule.shape) : undefined
  }
  const expected = [...allowed.map((kind) => labels[kind]), ...literals.map((item) => JSON.stringify(item))]
  const list = expected.length > 1 ? `${expected.slice(0, -1).join(', ')} or ${expected.at(-1)}` : expected[0]
  return `${where} must be ${list}, got ${describeValue(value)}`
}

function checkShape(
  where: string,
  options: Record<string, unknown>,
  schema: OptionsSchema,
): string | undefined {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(schema, key)) return unknownKey(where, key, schema)
  }
  for (const [key, spec] of Object.entries(schema)) {
    const problem = checkValue(`${where} option "${key}"`, options[key], toRule(spec))
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * Checks an options object against a schema when a function is called (start-up time, not per
 * request): unknown keys are refused, with a "did you mean" hint for a near miss such as `orgin`,
 * and so is a value of the wrong kind. Plain-JavaScript callers get the same protection as
 * TypeScript ones. `undefined` options are checked (and returned) as `{}`. On failure it throws what `error` builds
 * from the message, by default an `OpenSpeedError` with code `OS_ERR_INVALID_OPTIONS`; packages
 * pass their own error so that the code names them.
 *
 * @example
 * import { checkOptions } from '@openspeed/core'
 *
 * export function greeter(options?: { greeting?: string; loud?: boolean }) {
 *   const { greeting = 'hello', loud = false } = checkOptions('greeter()', options, {
 *     greeting: 'string',
 *     loud: 'boolean',
 *   })
 *   return (name: string) => (loud ? `${greeting} ${name}!`.toUpperCase() : `${greeting} ${name}`)
 * }
 *
 * greeter({ greting: 'hi' }) // throws: greeter(): unknown option "greting"; did you mean "greeting"?
 */
export function checkOptions<T extends object>(
  name: string,
  options: T | undefined,
  schema: OptionsSchema,
  error: (message: string) => Error = (message) => new OpenSpeedError('OS_ERR_INVALID_OPTIONS', message),
): T {
  const value = options ?? ({} as T)
  const problem = isObject(value)
    ? checkShape(name, value, schema)
    : `${name}: options must be an object, got ${describeValue(value)}`
  if (problem !== undefined) throw error(problem)
  return value
}
