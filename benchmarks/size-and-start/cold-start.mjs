import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

function get(port) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve(res.statusCode === 200 ? body : null))
    })
    req.on('error', () => resolve(null))
    req.end()
  })
}

/**
 * Milliseconds from spawning `node file` to the first 200 answer on GET / (polled every 2 ms),
 * checking the body is `expected`. The process is killed afterwards.
 */
export async function coldStart(file, port, expected, timeoutMs = 10_000) {
  const started = performance.now()
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    while (performance.now() - started < timeoutMs) {
      const body = await get(port)
      if (body !== null) {
        const ms = performance.now() - started
        if (body !== expected) throw new Error(`answered ${JSON.stringify(body)}`)
        return ms
      }
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering`)
      await sleep(2)
    }
    throw new Error(`no answer within ${timeoutMs} ms`)
  } finally {
    child.kill('SIGKILL')
    await exited
  }
}
