import { defineConfig } from '@openspeed/cli'

export default defineConfig({ entry: 'src/main.ts' })
