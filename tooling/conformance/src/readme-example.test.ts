import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { runReadmeExample, withReadmeExample } from './readme-example.ts'
import { nodeSourceArgs } from './runtimes.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A package folder whose README holds `readme`, with the `test/` folder examples run from. */
function packageWith(readme: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'openspeed-readme-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'test'))
  writeFileSync(join(dir, 'README.md'), readme)
  return dir
}

const server = (code: string, marker: string): string =>
  `# pkg\n\n\`\`\`sh\nnpm add pkg\n\`\`\`\n\n\`\`\`ts\n${code}\n\`\`\`\n${marker}\n`

const answersWithItsPort = `import { createServer } from 'node:http'
const server = createServer((req, res) => res.end(\`port \${server.address().port} \${req.url}\`))
server.listen(3000, '127.0.0.1', () => console.log('Listening on http://127.0.0.1:3000'))`

it('runs the first ts block on a free port, requests the marked URL, and cleans up', async () => {
  const packageDir = packageWith(
    server(answersWithItsPort, '<!-- example-request: http://127.0.0.1:3000/hello -> port 3000 /hello -->'),
  )
  const result = await runReadmeExample({ packageDir, command: process.execPath, args: nodeSourceArgs() })
  expect(result.status).toBe(200)
  expect(result.expected).toBe('port 3000 /hello')
  // the same example, moved off port 3000 so that tests and a running app never collide
  expect(result.body).toMatch(/^port \d+ \/hello$/)
  expect(result.body).not.toBe('port 3000 /hello')
  expect(readdirSync(join(packageDir, 'test'))).toEqual([])
})

it('fails clearly when the README has no ts block with an example-request marker', async () => {
  const packageDir = packageWith(server(answersWithItsPort, '<!-- example-output: hi -->'))
  await expect(
    runReadmeExample({ packageDir, command: process.execPath, args: nodeSourceArgs() }),
  ).rejects.toThrow(/README\.md has no ```ts block followed by <!-- example-request/)
})

it('fails with the output when the example exits before listening, and removes its file', async () => {
  const packageDir = packageWith(
    server(
      "console.error('cannot start'); process.exit(2)",
      '<!-- example-request: http://127.0.0.1:3000/ -> ok -->',
    ),
  )
  await expect(
    runReadmeExample({ packageDir, command: process.execPath, args: nodeSourceArgs() }),
  ).rejects.toThrow(/exited \(2\) before listening:\ncannot start/)
  expect(existsSync(join(packageDir, 'test'))).toBe(true)
  expect(readdirSync(join(packageDir, 'test'))).toEqual([])
})

it('hands a module-only example to the caller as a file, with the promised output, and cleans up', async () => {
  const packageDir = packageWith(
    server("export default { fetch: () => new Response('hi') }", '<!-- example-output: hi -->'),
  )
  const { output, result } = await withReadmeExample(packageDir, (file, readme) => ({
    code: readFileSync(file, 'utf8'),
    readme,
  }))
  expect(output).toBe('hi')
  expect(result.code).toContain("new Response('hi')")
  expect(result.readme).toContain('# pkg')
  expect(readdirSync(join(packageDir, 'test'))).toEqual([])
})

it('says what is missing when the README has no example-output marker', async () => {
  const packageDir = packageWith(server('export {}', '<!-- nothing -->'))
  await expect(withReadmeExample(packageDir, () => undefined)).rejects.toThrow(/example-output/)
})
