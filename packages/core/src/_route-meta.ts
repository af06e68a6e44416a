import type { ValidationInfo } from './route-meta.ts'

/**
 * Property keys under which route metadata lives on middleware functions. They are
 * `Symbol.for` keys, so two installed copies of core (and other libraries) read and write the
 * same ones.
 */
export const kValidation: unique symbol = Symbol.for('openspeed.validation')
export const kDescription: unique symbol = Symbol.for('openspeed.description')

/** The `describe()` middleware: they only document their route. */
export const documentationOnly: WeakSet<Function> = new WeakSet<Function>()

/** Whether a handler only documents its route (`describe()`), so the request chain can skip it. */
export function isDocumentationOnly(handler: Function): boolean {
  return documentationOnly.has(handler)
}

/** Attaches what a validator checks to its middleware (used by `validate()`). */
export function setValidation<F extends Function>(middleware: F, info: ValidationInfo): F {
  Object.defineProperty(middleware, kValidation, { value: Object.freeze({ ...info }) })
  return middleware
}
