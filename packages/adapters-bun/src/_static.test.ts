import { describe, expect, it } from 'vitest'
import { resolveStaticPath } from './_static.ts'

describe('resolveStaticPath', () => {
  it('maps an exact path to its file and nothing else', () => {
    expect(resolveStaticPath('/favicon.ico', './public/favicon.ico', '/favicon.ico')).toBe(
      './public/favicon.ico',
    )
    expect(resolveStaticPath('/favicon.ico', './public/favicon.ico', '/favicon.ico/x')).toBeNull()
  })

  it('maps a prefix to files under a directory, decoding each segment', () => {
    expect(resolveStaticPath('/assets/*', './public/', '/assets/css/a%20b.css')).toBe('./public/css/a b.css')
    expect(resolveStaticPath('/assets/*', '/srv/assets', '/assets/x.js')).toBe('/srv/assets/x.js')
    expect(resolveStaticPath('/assets/*', '/srv/assets', '/other/x.js')).toBeNull()
    expect(resolveStaticPath('/assets/*', '/srv/assets', '/assets/')).toBeNull()
  })

  it('refuses paths that could leave the directory or are malformed', () => {
    for (const path of [
      '/assets/../x',
      '/assets/./x',
      '/assets/a//b',
      '/assets/..%2Fx',
      '/assets/a%5Cb',
      '/assets/%00',
      '/assets/%E0%A4%A',
    ]) {
      expect(resolveStaticPath('/assets/*', '/srv', path), path).toBeNull()
    }
  })
})
