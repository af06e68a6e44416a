import { describe, expect, it } from 'vitest'
import { OpenSpeedError } from './openspeed-error.ts'
import { checkOptions, type OptionsSchema } from './options.ts'

const schema: OptionsSchema = {
  origin: ['string', 'regexp', 'array', 'function'],
  credentials: 'boolean',
  maxAge: 'integer',
  methods: 'string[]',
  mode: { oneOf: ['strict', 'loose'] },
  store: 'object',
  token: { kind: ['boolean', 'object'], shape: { cookie: 'string', secret: ['string', 'object'] } },
  limit: { kind: 'number', required: true },
  enabled: ['false', 'function'],
}

function failure(options: unknown, rules: OptionsSchema = schema): OpenSpeedError {
  try {
    checkOptions('widget()', options as object, rules)
  } catch (error) {
    return error as OpenSpeedError
  }
  throw new Error('expected checkOptions to throw')
}

describe('checkOptions', () => {
  it('returns valid options unchanged, and {} for undefined when nothing is required', () => {
    const options = { origin: /x/, credentials: true, maxAge: 5, methods: ['GET'], limit: 1.5 }
    expect(checkOptions('widget()', options, schema)).toBe(options)
    expect(checkOptions('widget()', undefined, { credentials: 'boolean' })).toEqual({})
    class Logger {
      info(): void {}
    }
    const accepted = { store: new Logger(), token: { secret: 'k' }, mode: 'loose', enabled: false, limit: 1 }
    expect(checkOptions('widget()', accepted, schema)).toBe(accepted)
  })

  it('refuses an unknown key, suggesting the near miss or listing the known names', () => {
    const typo = failure({ orgin: 'https://app.example.com', limit: 1 })
    expect(OpenSpeedError.isInstance(typo)).toBe(true)
    expect(typo.code).toBe('OS_ERR_INVALID_OPTIONS')
    expect(typo.message).toBe('widget(): unknown option "orgin"; did you mean "origin"?')
    expect(failure({ colour: 'red' }, { size: 'number' }).message).toBe(
      'widget(): unknown option "colour"; known options: size',
    )
    expect(failure({ x: 1 }, {}).message).toBe('widget(): unknown option "x"; known options: none')
    expect(failure({ limit: 1, token: { cookies: 'a' } }).message).toBe(
      'widget() option "token": unknown option "cookies"; did you mean "cookie"?',
    )
  })

  it('refuses values of the wrong kind and missing required options, naming what was expected', () => {
    expect(failure({ limit: 1, credentials: 'yes' }).message).toBe(
      'widget() option "credentials" must be a boolean, got "yes"',
    )
    expect(failure({ limit: 1, maxAge: 1.5 }).message).toBe(
      'widget() option "maxAge" must be an integer, got 1.5',
    )
    expect(failure({ limit: 1, methods: ['GET', 7] }).message).toContain(
      'must be an array of strings, got an array',
    )
    expect(failure({ limit: 1, mode: 'fast' }).message).toBe(
      'widget() option "mode" must be "strict" or "loose", got "fast"',
    )
    expect(failure({ limit: 1, origin: 42 }).message).toBe(
      'widget() option "origin" must be a string, a RegExp, an array or a function, got 42',
    )
    expect(failure({ limit: 1, store: null }).message).toContain('must be an object, got null')
    expect(failure({ limit: 1, store: [] }).message).toContain('must be an object, got an array')
    expect(failure({ limit: 1, enabled: true }).message).toContain('must be false or a function, got true')
    expect(failure({ limit: 1, credentials: { a: 1 } }).message).toContain('got an object')
    expect(failure({ limit: 1, token: 'x'.repeat(60) }).message).toContain(`got "${'x'.repeat(40)}…"`)
    expect(failure({ limit: 1, credentials: () => {} }).message).toContain('got a function')
    expect(failure({ limit: 1, credentials: /x/ }).message).toContain('got a RegExp')
    expect(failure({ limit: Number.NaN }).message).toBe('widget() option "limit" must be a number, got NaN')
    expect(failure({}).message).toBe('widget() option "limit" is required')
    expect(failure(undefined).message).toBe('widget() option "limit" is required')
  })

  it('refuses options that are not an object', () => {
    expect(failure('https://app.example.com').message).toBe(
      'widget(): options must be an object, got "https://app.example.com"',
    )
    expect(failure([1]).message).toBe('widget(): options must be an object, got an array')
  })

  it('throws the error a package builds, so the code names that package', () => {
    class WidgetError extends OpenSpeedError<'OS_ERR_WIDGET_INVALID_OPTIONS'> {}
    const build = (message: string) => new WidgetError('OS_ERR_WIDGET_INVALID_OPTIONS', message)
    expect(() => checkOptions('widget()', { size: 'big' }, { size: 'number' }, build)).toThrow(WidgetError)
  })
})
