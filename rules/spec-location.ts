import nodePath from 'node:path'
import {defineRule, noOptions} from '../src/rule.js'

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Why a path is not `specs/<name>.md` or `specs/<folder>/spec.md`, or undefined. */
function problem(path: string): string | undefined {
  const parts = path.split(/[\\/]+/).filter((part) => part !== '' && part !== '.')
  const name = parts[parts.length - 1] ?? ''
  const folders = parts.slice(0, -1)
  const specs = folders.lastIndexOf('specs')
  if (specs === -1) return 'expected it under a `specs/` folder'
  if (name === 'spec.md' && specs === folders.length - 2) {
    const folder = folders[folders.length - 1] ?? ''
    return kebab.test(folder) ? undefined : `expected a kebab-case folder name like \`specs/2026-01-22-${slug(folder)}/spec.md\``
  }
  if (!name.endsWith('.md')) return 'expected a `.md` file'
  const base = name.slice(0, -3)
  if (!kebab.test(base)) return `expected a kebab-case name like \`${slug(base)}.md\``
  if (specs !== folders.length - 1) return 'expected `specs/<name>.md` or `specs/<folder>/spec.md`'
  return undefined
}

function slug(value: string): string {
  return (
    value
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'name'
  )
}

export default defineRule({
  id: 'spec-location',
  summary: 'Specs live at `specs/<kebab-name>.md`',
  description:
    'Fires when the file is not under a `specs/` folder, or its name is not kebab-case `.md`. `specs/<name>.md` and `specs/<date>-<name>/spec.md` are both fine. The message points at the title (or is positionless without one); files without a path are not checked.',
  rationale: 'The loop and the other skills look for specs in `specs/`; a predictable name lets an issue, a branch and a spec refer to each other.',
  category: 'document',
  recommended: 'off',
  strict: 'warn',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const path = ctx.file.path
    if (!path) return
    const relative = nodePath.relative(ctx.file.cwd, nodePath.resolve(ctx.file.cwd, path)) || path
    const why = problem(relative)
    if (!why) return
    ctx.report(`Unexpected spec path \`${relative.replace(/\\/g, '/')}\`, ${why}`, spec.title?.position)
  },
  examples: {
    valid: [
      {input: '# T\n', path: 'specs/jwt-auth.md'},
      {name: 'A dated folder', input: '# T\n', path: 'specs/2026-01-22-jwt-auth/spec.md'}
    ],
    invalid: [
      {
        name: 'Not under specs/',
        input: '# T\n',
        path: 'docs/jwt-auth.md',
        messages: ['1:1-1:4: Unexpected spec path `docs/jwt-auth.md`, expected it under a `specs/` folder']
      },
      {
        name: 'Not kebab-case',
        input: '# T\n',
        path: 'specs/JWT_Auth.md',
        messages: ['1:1-1:4: Unexpected spec path `specs/JWT_Auth.md`, expected a kebab-case name like `jwt-auth.md`']
      },
      {
        name: 'A nested file that is not spec.md',
        input: '# T\n',
        path: 'specs/auth/jwt.md',
        messages: ['1:1-1:4: Unexpected spec path `specs/auth/jwt.md`, expected `specs/<name>.md` or `specs/<folder>/spec.md`']
      }
    ]
  }
})
