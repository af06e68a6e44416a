import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Bundles `source` as an app would and lists the files that ended up in the bundle. */
async function bundledFiles(source: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageRoot, loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@openspeed/source'],
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

const app = `
import { describe, OpenSpeed, validate } from '@openspeed/core'
import { openapiHandler } from '@openspeed/openapi'
import { z } from 'zod'
const Book = z.object({ title: z.string() })
const app = new OpenSpeed()
app
  .post('/books', describe({ responses: { 201: Book } }), validate('json', Book), (c) => c.json(c.req.valid('json'), 201))
  .get('/openapi.json', openapiHandler(app, { info: { title: 'Books', version: '1' } }))
export default app
`

describe('what an app bundles', () => {
  it('leaves Ajv, valibot and the schema converters out of an app that never calls jsonSchema()', async () => {
    const files = await bundledFiles(app)
    expect(files).toContain('src/openapi.ts')
    expect(files.filter((file) => /\/(ajv|ajv-formats|valibot|@valibot)\//.test(file))).toEqual([])
  })

  it('bundles Ajv only with @openspeed/openapi/json-schema', async () => {
    const files = await bundledFiles(
      `${app}\nimport { jsonSchema } from '@openspeed/openapi/json-schema'\nexport const tag = jsonSchema({ type: 'string' })`,
    )
    expect(files.filter((file) => /\/ajv\//.test(file)).length).toBeGreaterThan(10)
  })
})
