import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { node24Binary } from '@openspeed/node24'
import { expect, it } from 'vitest'
import { nodeSourceArgs } from './runtimes.ts'

it('node24Binary is a Node 24 binary', () => {
  expect(execFileSync(node24Binary(), ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
})

it('nodeSourceArgs run a TypeScript file on workspace sources, on both Node binaries', () => {
  const file = fileURLToPath(new URL('./fixture.ts', import.meta.url))
  const code = `const { createFixtureApp } = await import(${JSON.stringify(file)}); const r = await createFixtureApp().request('/'); console.log(r.status)`
  for (const node of [process.execPath, node24Binary()]) {
    const output = execFileSync(node, [...nodeSourceArgs(), '--input-type=module', '--eval', code], {
      encoding: 'utf8',
    })
    expect(output.trim()).toBe('200')
  }
})
