import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { counterApp, createProject, fileRoutesApp, memoryLogger, type Project } from '../test/_project.ts'
import { buildApp } from './build.ts'
import { runCli } from './cli.ts'
import { CliError } from './cli-error.ts'

let project: Project | undefined
afterEach(() => {
  project?.remove()
  project = undefined
})

it('bundles a node app into dist/server.js, which serves it on PORT', async () => {
  project = createProject(counterApp)
  const logger = memoryLogger()
  expect(await runCli(['build', '--root', project.dir], { logger })).toBe(0)
  expect(logger.text()).toBe(`[openspeed] built for node: ${project.dir}/dist/server.js`)
  expect(JSON.parse(readFileSync(`${project.dir}/dist/openspeed-build.json`, 'utf8'))).toEqual({
    runtime: 'node',
    outFile: 'server.js',
  })
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: project.dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /Listening on (\S+)/.exec(String(chunk))
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`the build exited with ${code}`)))
    })
    const response = await fetch(`${url}/hello`)
    expect(await response.json()).toEqual({ message: 'v1', hits: 1 })
  } finally {
    child.kill('SIGTERM')
  }
})

it('bundles a Workers module on the Cloudflare adapter, without Node built-ins', async () => {
  project = createProject(counterApp)
  const result = await buildApp({ root: project.dir, runtime: 'cloudflare' })
  expect(result.outFile).toBe(`${project.dir}/dist/worker.js`)
  expect(readFileSync(result.outFile, 'utf8')).not.toMatch(/from ['"]node:/)
  const worker = (await import(pathToFileURL(result.outFile).href)) as {
    default: { fetch(request: Request, env: unknown, context: unknown): Promise<Response> }
  }
  const request = new Request('http://localhost/ip', { headers: { 'cf-connecting-ip': '203.0.113.7' } })
  const response = await worker.default.fetch(request, {}, { waitUntil() {} })
  expect(await response.json()).toEqual({ address: '203.0.113.7', family: 'IPv4' })
})

it('bundles a Vercel Edge function on the Vercel adapter', async () => {
  project = createProject(counterApp)
  const result = await buildApp({ root: project.dir, runtime: 'vercel' })
  expect(result.outFile).toBe(`${project.dir}/dist/index.js`)
  const module = (await import(pathToFileURL(result.outFile).href)) as {
    config: unknown
    default: (request: Request) => Promise<Response>
  }
  expect(module.config).toEqual({ runtime: 'edge' })
  const response = await module.default(
    new Request('http://localhost/ip', { headers: { 'x-real-ip': '198.51.100.4' } }),
  )
  expect(await response.json()).toEqual({ address: '198.51.100.4', family: 'IPv4' })
})

it('names the adapter package a build needs when the project lacks it', async () => {
  project = createProject(counterApp)
  rmSync(`${project.dir}/node_modules/@openspeed/adapters-bun`)
  const error = await buildApp({ root: project.dir, runtime: 'bun' }).catch((caught: unknown) => caught)
  expect(CliError.isInstance(error) && error.code).toBe('OS_ERR_CLI_BUILD_FAILED')
  expect((error as Error).message).toMatch(
    /Could not resolve "@openspeed\/adapters-bun"\nbun builds need @openspeed\/adapters-bun: install it in the project$/,
  )
})

it('bundles a Lambda handler on the Lambda adapter that answers API Gateway events', async () => {
  project = createProject(counterApp)
  const result = await buildApp({ root: project.dir, runtime: 'lambda' })
  expect(result.outFile).toBe(`${project.dir}/dist/index.js`)
  const { handler } = (await import(pathToFileURL(result.outFile).href)) as {
    handler(event: unknown, context: unknown): Promise<{ statusCode: number; body: string }>
  }
  const event = {
    version: '2.0',
    rawPath: '/hello',
    rawQueryString: '',
    headers: { host: 'localhost' },
    requestContext: { http: { method: 'GET', sourceIp: '192.0.2.5' } },
  }
  const answer = await handler(event, {})
  expect(answer.statusCode).toBe(200)
  expect(JSON.parse(answer.body)).toEqual({ message: 'v1', hits: 1 })
  const ip = await handler({ ...event, rawPath: '/ip' }, {})
  expect(JSON.parse(ip.body)).toEqual({ address: '192.0.2.5', family: 'IPv4' })
})

it('fails with the file and line of each bundler error', async () => {
  project = createProject({
    'src/app.ts': "import { missing } from './nowhere.ts'\nexport default missing\n",
  })
  const error = await buildApp({ root: project.dir }).catch((caught: unknown) => caught)
  expect(CliError.isInstance(error) && error.code).toBe('OS_ERR_CLI_BUILD_FAILED')
  expect((error as Error).message).toMatch(
    /The build for node failed:\n {2}src\/app\.ts:1:\d+: Could not resolve "\.\/nowhere\.ts"/,
  )
  expect(existsSync(`${project.dir}/dist/openspeed-build.json`)).toBe(false)
})

it('fails when the entry does not exist, and on an unknown --runtime', async () => {
  project = createProject({})
  const logger = memoryLogger()
  expect(await runCli(['build'], { logger, cwd: project.dir })).toBe(1)
  expect(logger.text()).toMatch(/openspeed build: The entry .*src\/app\.ts does not exist/)
  expect(await runCli(['build', '--runtime', 'java'], { logger, cwd: project.dir })).toBe(2)
  expect(logger.text()).toContain(
    '--runtime must be one of node, bun, deno, cloudflare, vercel, lambda, got "java"',
  )
})

it('with routesDir, writes the routes manifest and types and bundles every route file', async () => {
  project = createProject(fileRoutesApp)
  const result = await buildApp({ root: project.dir, runtime: 'cloudflare' })
  const manifest = readFileSync(`${project.dir}/src/routes.manifest.ts`, 'utf8')
  expect(manifest).toContain("'hits.ts': m")
  expect(manifest).toContain("import * as m1 from './routes/index.ts'")
  expect(readFileSync(`${project.dir}/src/routes.d.ts`, 'utf8')).toContain("'/hits': {")
  // the worker has no folder to scan: the routes come from the bundle alone
  const worker = (await import(pathToFileURL(result.outFile).href)) as {
    default: { fetch(request: Request): Promise<Response> }
  }
  expect(await (await worker.default.fetch(new Request('http://localhost/'))).json()).toEqual({ home: true })
  expect(await (await worker.default.fetch(new Request('http://localhost/hits'))).json()).toEqual({ hits: 1 })
})

it('fails with OS_ERR_CLI_ROUTES_INVALID when two route files yield one route', async () => {
  project = createProject({
    ...fileRoutesApp,
    'src/routes/hits/index.ts': fileRoutesApp['src/routes/hits.ts']!,
  })
  const logger = memoryLogger()
  expect(await runCli(['build', '--root', project.dir], { logger })).toBe(1)
  expect(logger.text()).toBe(
    'openspeed build: The routes folder is invalid: hits.ts and hits/index.ts both yield the route /hits',
  )
  expect(existsSync(`${project.dir}/dist/openspeed-build.json`)).toBe(false)
})
