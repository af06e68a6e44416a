import { realpath } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Context, MiddlewareHandler } from '@openspeed/core'
import { negotiateEncoding } from '../_accept-encoding.ts'
import { checkMiddlewareOptions, configError, middlewareError } from '../_errors.ts'
import type { ContentCoding } from '../compress/options.ts'
import { etagOf, notModified, rangeStillValid } from './_conditional.ts'
import { isInside, type OpenFile, openInside, readBytes, streamBytes } from './_file.ts'
import { contentTypeOf } from './_mime.ts'
import { checkPath } from './_path.ts'
import { parseRange } from './_range.ts'

/**
 * Options for {@link serveStatic}.
 *
 * @example
 * const options: ServeStaticOptions = { root: './public', prefix: '/assets', cacheControl: 'public, max-age=3600' }
 */
export interface ServeStaticOptions {
  /** The folder to serve. Nothing outside it is ever read. */
  root: string
  /** A URL prefix removed before mapping to files (`/assets/app.js` -> `<root>/app.js`). */
  prefix?: string
  /** Files tried for a directory. Default `['index.html']`; `false` to serve none. */
  index?: readonly string[] | false
  /** Paths with a segment starting with `.`: `deny` (403, default), `ignore` (as if absent), `allow`. */
  dotfiles?: 'deny' | 'ignore' | 'allow'
  /** Serve `<file>.zst` / `.br` / `.gz` siblings when Accept-Encoding allows. Default `true`. */
  precompressed?: boolean
  /** A `Cache-Control` value for every file served. */
  cacheControl?: string
  /** Extra or overriding content types by extension, e.g. `{ glb: 'model/gltf-binary' }`. */
  contentTypes?: Readonly<Record<string, string>>
}

const kInvalid = 'OS_ERR_STATIC_INVALID_OPTIONS'
const kSuffixes: Record<ContentCoding, string> = { zstd: '.zst', br: '.br', gzip: '.gz', deflate: '' }
const kSiblings: readonly ContentCoding[] = ['zstd', 'br', 'gzip']
// smaller files are read into one buffer: a Content-Length body is cheaper to send than a stream
const kBufferLimit = 256 * 1024

const forbidden = () =>
  middlewareError('OS_ERR_STATIC_PATH_FORBIDDEN', { detail: 'This path may not be served' })

async function findFile(
  root: string,
  realRoot: string,
  segments: string[],
  indexes: readonly string[],
  directory: boolean,
): Promise<{ path: string; file: OpenFile } | null> {
  const candidates = directory ? indexes.map((name) => [...segments, name]) : [segments]
  for (let i = 0; i < candidates.length; i++) {
    const path = join(root, ...candidates[i]!)
    if (!isInside(root, path)) throw forbidden()
    const found = await openInside(realRoot, path)
    if (found === 'outside') throw forbidden()
    if (found === 'directory') {
      if (!directory) return findFile(root, realRoot, segments, indexes, true)
    } else if (found !== null) {
      return { path, file: found }
    }
  }
  return null
}

async function precompressedSibling(
  c: Context,
  realRoot: string,
  path: string,
): Promise<{ file: OpenFile; coding: ContentCoding } | null> {
  const accept = c.req.header('accept-encoding')
  let available = kSiblings
  for (;;) {
    const coding = negotiateEncoding(accept, available)
    if (coding === null) return null
    const found = await openInside(realRoot, path + kSuffixes[coding])
    if (typeof found === 'object' && found !== null) return { file: found, coding }
    available = available.filter((item) => item !== coding)
  }
}

/**
 * Serves files from a folder on Node, Bun and Deno (through node:fs, which all three implement):
 * single byte ranges (206; 416 when unsatisfiable; several ranges get the whole file, 200), strong
 * ETag and Last-Modified with 304 on If-None-Match / If-Modified-Since, precompressed `.zst` /
 * `.br` / `.gz` siblings chosen by Accept-Encoding (with `Vary`), index files, and HEAD. Paths
 * never leave the root: `..` in any spelling is a 403, NUL bytes and backslashes a 400, symlinks out
 * of the root a 403, dotfiles a 403 by default. Missing files fall through to the next handler.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { serveStatic } from '@openspeed/middleware/serve-static'
 *
 * const app = new OpenSpeed()
 *   .use('/assets/*', serveStatic({ root: './public', prefix: '/assets', cacheControl: 'public, max-age=86400' }))
 *   .get('/', (c) => c.html('<script src="/assets/app.js"></script>'))
 */
export function serveStatic(options: ServeStaticOptions): MiddlewareHandler {
  checkMiddlewareOptions('serveStatic()', kInvalid, options, {
    root: { kind: 'string', required: true },
    prefix: 'string',
    index: ['string[]', 'false'],
    dotfiles: { oneOf: ['deny', 'ignore', 'allow'] },
    precompressed: 'boolean',
    cacheControl: 'string',
    contentTypes: 'object',
  })
  if (options.root === '') {
    throw configError(kInvalid, 'serveStatic: root must be the path of the folder to serve')
  }
  const root = resolve(options.root)
  const prefix = (options.prefix ?? '').replace(/\/+$/, '')
  const indexes = options.index === false ? [] : (options.index ?? ['index.html'])
  const dotfiles = options.dotfiles ?? 'deny'
  const precompressed = options.precompressed ?? true
  let realRoot: Promise<string | null> | undefined
  return async function serveStaticMiddleware(c, next) {
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD') return next()
    let path = c.req.path
    if (prefix !== '') {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return next()
      path = path.slice(prefix.length)
    }
    const check = checkPath(path)
    if (check.kind === 'outside') throw forbidden()
    if (check.dotfile && dotfiles !== 'allow') {
      if (dotfiles === 'deny') throw forbidden()
      return next()
    }
    realRoot ??= realpath(root).catch(() => null)
    const rootReal = await realRoot
    if (rootReal === null) return next()
    const found = await findFile(root, rootReal, check.segments, indexes, check.directory)
    if (found === null) return next()
    let file = found.file
    let coding: ContentCoding | null = null
    if (precompressed) {
      const sibling = await precompressedSibling(c, rootReal, found.path)
      if (sibling !== null) {
        await file.handle.close()
        file = sibling.file
        coding = sibling.coding
      }
    }
    return respond(c, file, found.path, coding, options, precompressed)
  }
}

async function respond(
  c: Context,
  file: OpenFile,
  path: string,
  coding: ContentCoding | null,
  options: ServeStaticOptions,
  precompressed: boolean,
) {
  const etag = etagOf(file.size, file.mtimeMs, coding)
  const lastModified = new Date(file.mtimeMs).toUTCString()
  const headers: Record<string, string> = { etag, 'last-modified': lastModified }
  if (precompressed) headers.vary = 'Accept-Encoding'
  if (options.cacheControl !== undefined) headers['cache-control'] = options.cacheControl
  if (notModified(c.req.header('if-none-match'), c.req.header('if-modified-since'), etag, file.mtimeMs)) {
    await file.handle.close()
    return c.body(null, 304, headers)
  }
  headers['content-type'] = contentTypeOf(path, options.contentTypes)
  headers['accept-ranges'] = 'bytes'
  if (coding !== null) headers['content-encoding'] = coding
  const size = file.size
  let start = 0
  let end = size - 1
  let status = 200
  const rangeHeader = c.req.method === 'GET' ? c.req.header('range') : undefined
  const range = rangeStillValid(c.req.header('if-range'), etag, lastModified)
    ? parseRange(rangeHeader, size)
    : null
  if (range === 'unsatisfiable') {
    await file.handle.close()
    throw middlewareError('OS_ERR_STATIC_RANGE_NOT_SATISFIABLE', {
      detail: `The file is ${size} bytes long`,
      headers: { 'content-range': `bytes */${size}` },
    })
  }
  if (range !== null) {
    ;({ start, end } = range)
    status = 206
    headers['content-range'] = `bytes ${start}-${end}/${size}`
  }
  const length = end - start + 1
  headers['content-length'] = `${length}`
  if (c.req.method === 'HEAD' || length === 0) {
    await file.handle.close()
    return c.body(null, status, headers)
  }
  const body = length <= kBufferLimit ? await readBytes(file, start, length) : streamBytes(file, start, end)
  return c.body(body, status, headers)
}
