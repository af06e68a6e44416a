import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'

const linter = fileURLToPath(new URL('./_spectral.cjs', import.meta.url))

function lint(document: unknown): Promise<{ code: string; message: string; path: string[] }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [linter], (error, stdout) => {
      if (error) reject(error)
      else resolve(JSON.parse(stdout))
    })
    child.stdin!.end(JSON.stringify(document))
  })
}

describe('the OpenAPI document under Spectral', () => {
  it('passes every rule of the spectral:oas ruleset without a warning', async () => {
    const document = await (await createApp().request('/openapi.json')).json()
    const findings = await lint(document)
    expect(findings.map(({ code, message, path }) => `${code} at ${path.join('.')}: ${message}`)).toEqual([])
  })

  it('would report an operation without a description', async () => {
    const document = await (await createApp().request('/openapi.json')).json()
    delete document.paths['/health'].get.description
    expect((await lint(document)).map(({ code }) => code)).toEqual(['operation-description'])
  })
})
