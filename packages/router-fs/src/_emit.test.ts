import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { writeGenerated } from './_emit.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

it('replaces a generated file whole, so a reader never sees it half-written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-emit-'))
  dirs.push(dir)
  const out = join(dir, 'routes.manifest.ts')
  const texts = Array.from({ length: 8 }, (_, index) => `// version ${index}\n${'x'.repeat(512 * 1024)}\n`)
  await writeGenerated(out, texts[0]!)
  const seen = new Set<string>()
  let writing = true
  const reading = (async () => {
    while (writing) {
      seen.add(readFileSync(out, 'utf8'))
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  for (const text of texts.slice(1)) await writeGenerated(out, text)
  writing = false
  await reading
  for (const text of seen) expect(texts).toContain(text)
  expect(readFileSync(out, 'utf8')).toBe(texts.at(-1))
  // no temporary file is left beside it
  expect(readdirSync(dir)).toEqual(['routes.manifest.ts'])
})
