/**
 * A server process the suite talks to, as a launcher started it.
 *
 * @example
 * const server: RunningServer = await spawnServer({ command: 'bun', args: ['server.ts'] })
 * await fetch(server.url)
 * await server.stop()
 */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** Stops the server (SIGTERM for a process) and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>
  /** stdout+stderr so far */
  output(): string
}

/**
 * A known difference of one runtime. A target that declares one skips exactly the tests that
 * depend on it, with the reason in the test name; every gap is described in the README.
 *
 * @example
 * const gaps: ConformanceGap[] = ['no-on-close']
 */
export type ConformanceGap =
  /** The runtime never tells the app that the client went away (`c.req.signal` stays quiet). */
  | 'no-client-abort'
  /** The target cannot be shut down by a signal, so `onClose` hooks never run. */
  | 'no-on-close'
  /** Response bodies are buffered: chunks are not delivered while the handler still writes. */
  | 'no-streaming'
  /** The runtime exposes no client address, so `getConnInfo(c)` is empty. */
  | 'no-conn-info'
  /** The runtime has no `CompressionStream`. */
  | 'no-compression'
  /** The target only accepts request bodies with a declared `Content-Length` (no chunked uploads). */
  | 'no-chunked-request'
  /**
   * The platform in front of the app owns the Host header (API Gateway, Cloudflare's and Vercel's
   * edge): it never delivers an invalid one, and the local stand-in answers or replaces it itself.
   */
  | 'platform-host'

/** Why each gap skips its tests; the text appears in the skipped test's name. */
export const gapReasons: Readonly<Record<ConformanceGap, string>> = {
  'no-client-abort': 'the runtime does not report a client disconnect to the handler',
  'no-on-close': 'the target has no shutdown signal that runs onClose hooks',
  'no-streaming': 'the runtime buffers response bodies',
  'no-conn-info': 'the runtime does not expose the client address',
  'no-compression': 'the runtime has no CompressionStream',
  'no-chunked-request': 'the target does not accept chunked request bodies',
  'platform-host': 'the platform in front of the app sets and checks the Host header',
}

/**
 * One runtime the suite runs against: how to start the fixture app on it, and its known gaps.
 *
 * @example
 * defineConformanceSuite({
 *   name: 'bun',
 *   start: () => spawnServer({ command: bunBinary, args: ['test/fixtures/conformance-server.ts'] }),
 * })
 */
export interface ConformanceTarget {
  /** Shown in the test names, e.g. `node 24`. */
  name: string
  /** Starts the fixture app (`createFixtureApp()`) and resolves once it accepts requests. */
  start(): Promise<RunningServer>
  /** Known gaps of this runtime; each skips exactly the tests that depend on it. */
  gaps?: readonly ConformanceGap[]
}
