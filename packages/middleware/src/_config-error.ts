/**
 * The error a middleware factory throws for an invalid option: a `TypeError` (a programming
 * mistake, raised when the app is built) that carries a stable `code`.
 */
export function configError(code: string, message: string): TypeError {
  return Object.assign(new TypeError(message), { code })
}
