import { definePackageBuild } from '@openspeed/config/tsup'

export default definePackageBuild([
  'src/body-limit/index.ts',
  'src/cache-control/index.ts',
  'src/compress/index.ts',
  'src/compress/node.ts',
  'src/cors/index.ts',
  'src/csrf/index.ts',
  'src/errors/index.ts',
  'src/etag/index.ts',
  'src/ip-filter/index.ts',
  'src/logger/index.ts',
  'src/rate-limit/index.ts',
  'src/request-id/index.ts',
  'src/security-headers/index.ts',
  'src/serve-static/index.ts',
  'src/timeout/index.ts',
  'src/timing/index.ts',
])
