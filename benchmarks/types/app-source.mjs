// Writes the source of a 200-route app: 40 resources of 5 routes each (list with a validated query,
// create and replace with a validated JSON body, read, delete), each resource a sub-app with its
// own zod schema, mounted under its own prefix — the shape a real API of that size has.
export const resourceCount = 40
export const routeCount = resourceCount * 5

function resource(index) {
  return `
const item${index} = z.object({
  name: z.string().min(1),
  count${index}: z.int().min(0),
  tags: z.array(z.string()).max(10),
  kind: z.enum(['a${index}', 'b${index}', 'c${index}']),
  note: z.string().nullable(),
  nested: z.object({ level${index}: z.number(), flag: z.boolean().optional() }),
})
const resource${index} = new OpenSpeed()
  .get('/', validate('query', z.object({ limit: z.coerce.number().default(20), q${index}: z.string().optional() })), (c) =>
    c.json({ items: [] as (z.infer<typeof item${index}> & { id: string })[], limit: c.req.valid('query').limit }),
  )
  .post('/', validate('json', item${index}), (c) => c.json({ id: 'x', ...c.req.valid('json') }, 201))
  .get('/:id', (c) => c.json({ id: c.req.param('id'), createdAt: new Date(0), version${index}: 1 }))
  .put('/:id', validate('json', item${index}), (c) => c.json({ id: c.req.param('id'), ...c.req.valid('json') }))
  .delete('/:id', (c) => c.body(null, 204))
`
}

/** The app module: `export type App`. */
export function appSource() {
  const parts = ["import { OpenSpeed, validate } from '@openspeed/core'", "import { z } from 'zod'"]
  for (let index = 0; index < resourceCount; index++) parts.push(resource(index))
  const mounts = Array.from(
    { length: resourceCount },
    (_, index) => `  .route('/r${index}', resource${index})`,
  )
  parts.push(`export const app = new OpenSpeed()\n${mounts.join('\n')}\n`, 'export type App = typeof app\n')
  return parts.join('\n')
}

/**
 * A client module: the same calls against either routes type, plus a wrong call that must fail
 * (so a routes type that collapsed to `any` fails the check instead of measuring fast).
 */
export function clientSource(importLine, typeName) {
  const calls = []
  for (const index of [0, 13, 27, 39]) {
    calls.push(`
  const list${index} = await api.get('/r${index}', { query: { limit: 5 } })
  if (list${index}.ok) total += list${index}.data.items.length
  const made${index} = await api.post('/r${index}', {
    json: { name: 'n', count${index}: 1, tags: [], kind: 'a${index}', note: null, nested: { level${index}: 1 } },
  })
  if (made${index}.ok) total += made${index}.data.count${index}
  const one${index} = await api.get('/r${index}/:id', { params: { id: 'x' } })
  if (one${index}.ok) total += one${index}.data.createdAt.length + one${index}.data.version${index}
  // @ts-expect-error: wrong body type
  await api.put('/r${index}/:id', { params: { id: 'x' }, json: { name: 1 } })`)
  }
  return `import { createClient } from '@openspeed/client'
${importLine}

const api = createClient<${typeName}>('http://localhost:3000')

export async function run(): Promise<number> {
  let total = 0
${calls.join('\n')}
  return total
}
`
}
