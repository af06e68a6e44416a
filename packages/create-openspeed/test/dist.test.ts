import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { readWorkspaceVersions } from '../src/_workspace-versions.ts'

const distBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

it('the built bin writes a project with the versions inlined at build time', () => {
  if (!existsSync(distBin))
    throw new Error(`${distBin} is missing: run \`pnpm --filter create-openspeed build\` first`)
  expect(readFileSync(distBin, 'utf8')).toMatch(/"@openspeed\/core": "\d+\.\d+\.\d+"/)
  const work = mkdtempSync(join(tmpdir(), 'create-openspeed-dist-'))
  try {
    const output = execFileSync(process.execPath, [distBin, 'app', '--template', 'minimal', '--yes'], {
      cwd: work,
      encoding: 'utf8',
    })
    expect(output).toContain(`Created app (minimal, node) in ${work}/app`)
    const manifest = JSON.parse(readFileSync(join(work, 'app/package.json'), 'utf8'))
    expect(manifest.dependencies['@openspeed/core']).toBe(`^${readWorkspaceVersions()['@openspeed/core']}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})
