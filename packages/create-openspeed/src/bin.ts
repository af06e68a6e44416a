#!/usr/bin/env node
import { runCreate } from './cli.ts'

process.exitCode = await runCreate(process.argv.slice(2))
