import { definePackageTests } from '@openspeed/config/vitest'

// src/bin.ts is the executable shim (`#!/usr/bin/env node` + runCli); its logic is in cli.ts
export default definePackageTests({ coverageExclude: ['src/bin.ts'] })
