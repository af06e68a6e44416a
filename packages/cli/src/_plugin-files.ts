/** Names derived from a plugin package name such as `@acme/openspeed-request-id`. */
export interface PluginNames {
  packageName: string
  /** `request-id`: the plugin's `name` and its route segment. */
  slug: string
  /** `requestId`: the exported plugin constant. */
  identifier: string
}

/** Derives the plugin's slug and export name from its package name. */
export function pluginNames(packageName: string): PluginNames {
  const slug = packageName.replace(/^@[^/]+\//, '').replace(/^openspeed-(plugin-)?/, '') || 'plugin'
  const identifier = slug
    .replace(/[-._]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
    .replace(/^[^a-zA-Z_$]/, '_$&')
  return { packageName, slug, identifier }
}

/** The files of a new plugin package, by relative path. */
export function pluginFiles(
  names: PluginNames,
  versions: { core: string; vitest: string; typescript: string },
): Record<string, string> {
  const { packageName, slug, identifier } = names
  const packageJson = {
    name: packageName,
    version: '0.0.0',
    description: `An OpenSpeed plugin: ${slug}.`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    keywords: ['openspeed', 'openspeed-plugin'],
    engines: { node: '>=20.19' },
    files: ['src'],
    exports: { './package.json': './package.json', '.': './src/index.ts' },
    scripts: { test: 'vitest run', typecheck: 'tsc --noEmit' },
    peerDependencies: { '@openspeed/core': versions.core },
    devDependencies: {
      '@openspeed/core': versions.core,
      typescript: versions.typescript,
      vitest: versions.vitest,
    },
  }
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          allowImportingTsExtensions: true,
          noEmit: true,
          strict: true,
          isolatedDeclarations: true,
          declaration: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
          lib: ['ES2023', 'DOM'],
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules\ndist\n',
    'src/index.ts': `export { ${identifier}, type ${pascal(identifier)}Options } from './${slug}.ts'\n`,
    [`src/${slug}.ts`]: `import { definePlugin, type Plugin } from '@openspeed/core'

/** Options for the \`${slug}\` plugin. */
export interface ${pascal(identifier)}Options {
  /** Path of the status route. Default \`/${slug}\`. */
  path?: string
}

/**
 * The \`${slug}\` plugin: counts requests and serves the count on a status route.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { ${identifier} } from '${packageName}'
 * const app = new OpenSpeed().register(${identifier}, { path: '/${slug}' })
 */
export const ${identifier}: Plugin<${pascal(identifier)}Options> = definePlugin({
  name: '${slug}',
  async setup(app, options) {
    let requests = 0
    app.addHook('onRequest', () => {
      requests++
    })
    app.get(options.path ?? '/${slug}', (c) => c.json({ plugin: '${slug}', requests }))
  },
})
`,
    [`src/${slug}.test.ts`]: `import { OpenSpeed } from '@openspeed/core'
import { expect, it } from 'vitest'
import { ${identifier} } from './${slug}.ts'

it('counts requests and serves the count on its route', async () => {
  const app = new OpenSpeed().register(${identifier}, {}).get('/', (c) => c.text('home'))
  await app.request('/')
  const response = await app.request('/${slug}')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ plugin: '${slug}', requests: 2 })
})

it('serves the route on a custom path', async () => {
  const app = new OpenSpeed().register(${identifier}, { path: '/status' })
  expect(await (await app.request('/status')).json()).toEqual({ plugin: '${slug}', requests: 1 })
  expect((await app.request('/${slug}')).status).toBe(404)
})

it('cannot be registered twice', () => {
  const app = new OpenSpeed().register(${identifier}, {})
  expect(() => app.register(${identifier}, {})).toThrow(/already registered/)
})
`,
    'README.md': `# ${packageName}

An [OpenSpeed](https://www.npmjs.com/package/@openspeed/core) plugin that counts requests and
serves the count on a status route.

\`\`\`sh
npm install ${packageName} @openspeed/core
\`\`\`

\`\`\`ts
import { OpenSpeed } from '@openspeed/core'
import { ${identifier} } from '${packageName}'

const app = new OpenSpeed().register(${identifier}, { path: '/${slug}' })

const response = await app.request('/${slug}')
console.log(await response.json()) // { plugin: '${slug}', requests: 1 }
\`\`\`

## Options

| Option | Default | Meaning |
| ------ | ------- | ------- |
| \`path\` | \`/${slug}\` | Path of the status route. |

## Errors

| Situation | Result |
| --------- | ------ |
| Registered twice on one app | \`OS_ERR_PLUGIN_DUPLICATE\` thrown by \`app.register()\` |

## Development

\`\`\`sh
npm install
npm test
npm run typecheck
\`\`\`
`,
  }
}

function pascal(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1)
}
