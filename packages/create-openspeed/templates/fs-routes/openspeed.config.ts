import { defineConfig } from '@openspeed/cli'

export default defineConfig({
  entry: 'src/app.ts',
  runtime: '{{runtime}}',
  // `openspeed dev`, `build` and `routes` keep src/routes.manifest.ts and src/routes.d.ts in step
  routesDir: 'src/routes',
})
