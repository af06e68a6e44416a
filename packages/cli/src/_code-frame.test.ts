import { expect, it } from 'vitest'
import { codeFrame, formatError } from './_code-frame.ts'

it('marks the line and column in a few lines of context', () => {
  const source = [
    'const a = 1',
    'const b = 2',
    'throw new Error(b)',
    'const c = 3',
    'const d = 4',
    'const e = 5',
  ].join('\n')
  expect(codeFrame(source, 3, 7)).toBe(
    [
      '  1 | const a = 1',
      '  2 | const b = 2',
      '> 3 | throw new Error(b)',
      '    |       ^',
      '  4 | const c = 3',
      '  5 | const d = 4',
    ].join('\n'),
  )
})

it('formats compile errors by their location and frame, and anything else as text', () => {
  const compile = Object.assign(new SyntaxError('Unexpected token'), {
    loc: { file: '/app/src/a.ts', line: 2, column: 4 },
    frame: '> 2 | let x = ;',
  })
  expect(formatError(compile, '/app')).toBe(
    'SyntaxError: Unexpected token\n  at src/a.ts:2:4\n> 2 | let x = ;',
  )
  expect(formatError('plain', '/app')).toBe('plain')
  const outside = new Error('elsewhere')
  outside.stack =
    'Error: elsewhere\n    at f (/lib/x.js:1:1)\n    at g (/app/node_modules/vite/dist/a.js:1:1)'
  expect(formatError(outside, '/app')).toBe('Error: elsewhere\n    at f (/lib/x.js:1:1)')
})
