import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { defineConformanceSuite } from '@openspeed/conformance'
import { bundleWorker, startWorker } from './_workerd.ts'

defineConformanceSuite({
  name: 'workerd',
  // a worker has no shutdown signal: workerd never runs onClose hooks. A handler that waits on
  // nothing but the client is cancelled by workerd as hung (500), and Miniflare's local proxy
  // does not pass a client disconnect on to the worker, so abort cannot be observed here.
  // Cloudflare's edge owns the Host header; Miniflare's local proxy fails on an invalid one
  // before the worker runs.
  gaps: ['no-on-close', 'no-client-abort', 'platform-host'],
  async start() {
    let output = ''
    const script = await bundleWorker(
      fileURLToPath(new URL('./fixtures/conformance-worker.ts', import.meta.url)),
    )
    const { miniflare, url } = await startWorker(script, {
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        stdout.on('data', (chunk: Buffer) => {
          output += chunk
        })
        stderr.on('data', (chunk: Buffer) => {
          output += chunk
        })
      },
    })
    let stopping: Promise<void> | undefined
    return {
      url,
      output: () => output,
      stop: () => {
        stopping ??= miniflare.dispose()
        return stopping
      },
    }
  },
})
