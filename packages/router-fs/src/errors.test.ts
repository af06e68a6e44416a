import { readFileSync } from 'node:fs'
import { OpenSpeedError } from '@openspeed/core'
import { describe, expect, it } from 'vitest'
import { FileRouteError, fileRouteErrorCodes } from './errors.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('error codes', () => {
  const codes = Object.keys(fileRouteErrorCodes)

  it('are unique, prefixed and documented in the README errors table', () => {
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) {
      expect(code).toMatch(/^OS_ERR_ROUTER_FS_[A-Z_]+$/)
      expect(readme).toContain(`| \`${code}\` |`)
    }
    const documented = [...readme.matchAll(/\| `(OS_ERR_ROUTER_FS_[A-Z_]+)` \|/g)].map((match) => match[1])
    expect(documented.sort()).toEqual([...codes].sort())
  })

  it('describe each code in one table shape', () => {
    for (const info of Object.values(fileRouteErrorCodes)) expect(info.description).toMatch(/^[A-Z].+\.$/)
  })

  it('are OpenSpeedError subclasses, branded across copies, and carry the file and cause', () => {
    const cause = new Error('inner')
    const error = new FileRouteError('OS_ERR_ROUTER_FS_IMPORT_FAILED', 'a.ts: x', { file: 'a.ts', cause })
    expect(FileRouteError.isInstance(error)).toBe(true)
    expect(OpenSpeedError.isInstance(error)).toBe(true)
    expect(FileRouteError.isInstance(new OpenSpeedError('OS_ERR_ROUTER_FS_IMPORT_FAILED', 'x'))).toBe(false)
    expect(FileRouteError.isInstance({ code: 'OS_ERR_ROUTER_FS_IMPORT_FAILED' })).toBe(false)
    expect(FileRouteError.isInstance(null)).toBe(false)
    expect([error.name, error.file, error.cause]).toEqual(['FileRouteError', 'a.ts', cause])
    expect(new FileRouteError('OS_ERR_ROUTER_FS_INVALID_NAME', 'x').cause).toBeUndefined()
  })
})
