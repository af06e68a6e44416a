import { expect, it } from 'vitest'

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toEqual([
    'NodeAdapterError',
    'adaptersNodeErrorCodes',
    'serve',
    'toNodeHandler',
  ])
})
