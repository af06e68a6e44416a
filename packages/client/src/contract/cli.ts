#!/usr/bin/env node
import { runCli } from './_cli.ts'

process.exitCode = runCli(process.argv.slice(2), (line) => console.log(line))
