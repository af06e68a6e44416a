/**
 * The Standard Schema interface (https://standardschema.dev), which zod, valibot, arktype and
 * others implement. Declared here structurally, as types only, so core keeps zero dependencies.
 *
 * @example
 * import type { StandardSchemaV1 } from '@openspeed/core'
 * import { z } from 'zod'
 * const schema: StandardSchemaV1<unknown, { id: number }> = z.object({ id: z.number() })
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaProps<Input, Output>
}

/** The `~standard` property of a Standard Schema. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  readonly version: 1
  readonly vendor: string
  readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>
  readonly types?: { readonly input: Input; readonly output: Output } | undefined
}

/** What a Standard Schema's `validate` returns. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> }

/** One failure reported by a Standard Schema. */
export interface StandardSchemaIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** The type a schema accepts. */
export type InferSchemaInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input']

/** The type a schema produces after validation. */
export type InferSchemaOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output']
