// Bundle the GitHub Action's entry (src/action/run.ts) into one file, so the
// action runs with nothing to install. `--out <file>` writes elsewhere (the
// freshness test compares a fresh bundle with the committed one).
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const at = process.argv.indexOf('--out')
const outfile = at === -1 ? path.join(root, 'action/dist/index.js') : path.resolve(process.argv[at + 1])

await build({
  absWorkingDir: root,
  entryPoints: ['src/action/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Some dependencies are CommonJS and call `require` for Node built-ins.
  banner: {js: "import {createRequire as __specLintRequire} from 'node:module';const require = __specLintRequire(import.meta.url);"},
  legalComments: 'none',
  logLevel: 'warning'
})
