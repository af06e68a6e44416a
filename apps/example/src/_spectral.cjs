// Lints the OpenAPI document read from stdin with Spectral's `spectral:oas` ruleset (every rule)
// and prints the findings as JSON. It runs as its own process: Spectral's dependencies do not
// load under vitest's module runner.
const { Spectral } = require('@stoplight/spectral-core')
const { oas } = require('@stoplight/spectral-rulesets')

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  input += chunk
})
process.stdin.on('end', async () => {
  const spectral = new Spectral()
  spectral.setRuleset({ extends: [[oas, 'all']] })
  const results = await spectral.run(input)
  process.stdout.write(JSON.stringify(results.map(({ code, message, path }) => ({ code, message, path }))))
})
