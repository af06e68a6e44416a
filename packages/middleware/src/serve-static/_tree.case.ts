import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

export const helloText: string = 'hello, static world\n'.repeat(10)
export const appJs: string = `console.log(${JSON.stringify('x'.repeat(2000))})\n`

/**
 * A served folder `public/` next to `public-secret/` (the sibling-prefix trap), with index files,
 * precompressed siblings, a dotfile, a large file and symlinks in and out of the root.
 */
export function createTree(): { base: string; root: string; big: Uint8Array; mtime: Date } {
  const base = mkdtempSync(join(tmpdir(), 'openspeed-static-'))
  const root = join(base, 'public')
  mkdirSync(join(root, 'docs'), { recursive: true })
  mkdirSync(join(root, '.well-known'))
  mkdirSync(join(root, '%2e%2e'))
  mkdirSync(join(base, 'public-secret'))
  writeFileSync(join(base, 'public-secret', 'secret.txt'), 'TOP SECRET')
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET')
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>')
  writeFileSync(join(root, 'docs', 'index.html'), '<h1>docs</h1>')
  writeFileSync(join(root, 'hello.txt'), helloText)
  writeFileSync(join(root, 'app.js'), appJs)
  writeFileSync(join(root, 'app.js.br'), brotliCompressSync(appJs))
  writeFileSync(join(root, 'app.js.gz'), gzipSync(appJs))
  writeFileSync(join(root, 'app.js.zst'), 'pretend zstd bytes')
  writeFileSync(join(root, 'style.css'), 'body{}')
  writeFileSync(join(root, 'style.css.gz'), gzipSync('body{}'))
  writeFileSync(join(root, 'image.png'), new Uint8Array([137, 80, 78, 71]))
  writeFileSync(join(root, 'data.unknownext'), 'raw')
  writeFileSync(join(root, 'empty.txt'), '')
  writeFileSync(join(root, '.env'), 'SECRET=1')
  writeFileSync(join(root, '.well-known', 'security.txt'), 'Contact: x')
  writeFileSync(join(root, '%2e%2e', 'inside.txt'), 'literal name')
  const big = new Uint8Array(600 * 1024).map((_, i) => (i * 7) & 0xff)
  writeFileSync(join(root, 'big.bin'), big)
  symlinkSync(join(base, 'public-secret', 'secret.txt'), join(root, 'link-out.txt'))
  symlinkSync(join(base, 'public-secret'), join(root, 'dir-out'))
  symlinkSync(join(root, 'hello.txt'), join(root, 'link-in.txt'))
  const mtime = new Date('2025-01-02T03:04:05Z')
  utimesSync(join(root, 'hello.txt'), mtime, mtime)
  return { base, root, big, mtime }
}
