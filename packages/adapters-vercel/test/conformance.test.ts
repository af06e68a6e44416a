import { fileURLToPath } from 'node:url'
import { defineConformanceSuite } from '@openspeed/conformance'
import { bundleEdgeFunction, startEdge } from './_edge.ts'

defineConformanceSuite({
  name: 'edge-runtime',
  // what edge-runtime 4 (the local stand-in for Vercel's Edge runtime) lacks:
  // - no-on-close: an Edge Function has no shutdown signal, so onClose hooks never run;
  // - no-client-abort: request.signal never aborts when the client goes away;
  // - no-compression: there is no CompressionStream;
  // - no-conn-info: the local server sets no X-Real-IP / X-Forwarded-For (Vercel's edge does;
  //   test/edge-runtime.test.ts sends them and checks getConnInfo);
  // - no-chunked-request: bytes read from a chunked body come from another realm than its
  //   crypto.subtle accepts, and a body past the limit is not cut off;
  // - platform-host: Vercel's edge owns the Host header; the local server builds the URL from its
  //   own address, whatever Host the client sent
  gaps: [
    'no-on-close',
    'no-client-abort',
    'no-compression',
    'no-conn-info',
    'no-chunked-request',
    'platform-host',
  ],
  async start() {
    const script = await bundleEdgeFunction(
      fileURLToPath(new URL('./fixtures/conformance-edge.ts', import.meta.url)),
    )
    const edge = await startEdge(script)
    let stopping: Promise<void> | undefined
    return {
      url: edge.url,
      output: () => '',
      stop: () => {
        stopping ??= edge.close()
        return stopping
      },
    }
  },
})
