import { expect, it } from 'vitest'

it('exports exactly the public API from each entry point', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toMatchInlineSnapshot(`
    [
      "handle",
    ]
  `)
  expect(Object.keys(await import('../src/node.ts')).sort()).toMatchInlineSnapshot(`
    [
      "handle",
    ]
  `)
})

it('keeps node:* imports out of the Edge entry', async () => {
  const { readFileSync } = await import('node:fs')
  const source = readFileSync(new URL('../src/handle.ts', import.meta.url), 'utf8')
  expect(source).not.toMatch(/from ['"](node:|@openspeed\/adapters-node)/)
})

it('re-exports nothing of another package from the Node entry', async () => {
  const { readFileSync } = await import('node:fs')
  const source = readFileSync(new URL('../src/node.ts', import.meta.url), 'utf8')
  expect(source).not.toMatch(/^export[^\n]*from ['"]@openspeed\//m)
})
