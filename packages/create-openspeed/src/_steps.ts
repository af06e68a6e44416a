import { spawn } from 'node:child_process'
import { CreateError } from './create-error.ts'

/** Runs a command in `cwd`; rejects with its output's last lines when it fails. */
export function runStep(what: string, command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const fail = (detail: string): void =>
      reject(
        new CreateError(
          'OS_ERR_CREATE_STEP_FAILED',
          `${what} failed (${detail}); the project is written, run it yourself:\n  cd ${cwd} && ${[command, ...args].join(' ')}\n${output.trim().split('\n').slice(-10).join('\n')}`,
        ),
      )
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code) => (code === 0 ? resolve() : fail(`exit code ${code}`)))
  })
}
