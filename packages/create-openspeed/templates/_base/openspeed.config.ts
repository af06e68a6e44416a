import { defineConfig } from '@openspeed/cli'

export default defineConfig({
  entry: 'src/app.ts',
  runtime: '{{runtime}}',
})
