import type { Context } from '@openspeed/core'

/**
 * Which origins CORS allows: `'*'` (any, without credentials), one origin, a list of origins,
 * patterns (`'https://*.example.com'` or a RegExp that must match the whole origin) or a function.
 *
 * @example
 * const origin: CorsOrigin = ['https://app.example.com', 'https://*.example.com']
 */
export type CorsOrigin =
  | '*'
  | string
  | RegExp
  | readonly (string | RegExp)[]
  | ((origin: string, c: Context) => boolean | Promise<boolean>)
