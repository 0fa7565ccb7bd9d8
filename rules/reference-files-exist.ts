import nodePath from 'node:path'
import {defineRule, noOptions} from '../src/rule.js'
import {findIn} from '../src/model/positions.js'
// Each path looked at is an input of the result, so a cached lint sees a file appear or go.
import {pathExists} from '../src/parse/inputs.js'
import type {VFile} from 'vfile'

/** The nearest folder at or above `from` with `.git` or `package.json`. */
function repositoryRoot(from: string, file: VFile): string | undefined {
  let folder = from
  for (;;) {
    if (pathExists(file, nodePath.join(folder, '.git')) || pathExists(file, nodePath.join(folder, 'package.json'))) return folder
    const parent = nodePath.dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

const external = /\bexternal\b/i

/** The file part of a reference: `src/a.py:45` → `src/a.py`; undefined when it is not a local path. */
function localPath(value: string): string | undefined {
  const path = value.trim()
  if (path === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || /^(?:www\.|mailto:)/i.test(path)) return undefined
  // Globs and template text (`[path]`, `<file>`) name no single file; `app/[id]/page.tsx` does.
  if (/[*?{}<>]/.test(path) || /^\[.*\]$/.test(path)) return undefined
  return path.replace(/#.*$/, '').replace(/:\d+(?:-\d+)?$/, '')
}

export default defineRule({
  id: 'reference-files-exist',
  summary: 'Reference Files paths exist in the repository',
  description:
    'Fires on a backticked Reference Files path that does not exist relative to the repository root: the nearest folder with `.git` or `package.json` above the spec. URLs, globs, and entries or groups marked external (`(external)`, `**External:**`) are skipped, as are files without a path on disk.',
  rationale: 'A reference the agent cannot open wastes a turn and hides the pattern the spec meant; paths go stale when code moves.',
  category: 'content',
  recommended: 'off',
  strict: 'warn',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const {file} = ctx
    if (!file.path) return
    const root = repositoryRoot(nodePath.dirname(nodePath.resolve(file.cwd, file.path)), file)
    if (!root) return
    for (const group of spec.referenceFiles) {
      if (group.label && external.test(group.label)) continue
      for (const entry of group.entries) {
        if (entry.path === null || external.test(entry.text)) continue
        const path = localPath(entry.path)
        if (path === undefined || pathExists(file, nodePath.resolve(root, path))) continue
        ctx.report(
          `Missing file or folder \`${entry.path}\`, expected a path that exists from the repository root`,
          findIn(ctx.source, entry.position, `\`${entry.path}\``)
        )
      }
    }
  },
  examples: {
    valid: [
      {name: 'Paths that exist in this repository', input: '# T\n\n## Reference Files\n\n- `package.json` — scripts\n- `src/rule.ts:40` — the framework\n'},
      {
        name: 'URLs, globs and external entries are skipped',
        input:
          '# T\n\n## Reference Files\n\n- `https://example.com/guide` — the guide\n- `src/**/*.py` — all modules\n- `vendor/sdk/client.py` (external) — the SDK\n\n**External:**\n- `../other-repo/lib.py` — shared helpers\n'
      }
    ],
    invalid: [
      {
        name: 'A missing file',
        input: '# T\n\n## Reference Files\n\n- `src/api/routes.py` — Existing API patterns\n',
        messages: ['5:3-5:22: Missing file or folder `src/api/routes.py`, expected a path that exists from the repository root']
      },
      {
        name: 'A missing folder among existing files',
        input: '# T\n\n## Reference Files\n\n- `package.json` — scripts\n- `src/middleware/` — patterns\n- `[path]` — template text, not a path\n',
        messages: ['6:3-6:20: Missing file or folder `src/middleware/`, expected a path that exists from the repository root']
      },
      {
        name: 'A bracketed route segment is a literal folder name',
        input: '# T\n\n## Reference Files\n\n- `src/app/[id]/page.tsx` — the dynamic route\n',
        messages: ['5:3-5:26: Missing file or folder `src/app/[id]/page.tsx`, expected a path that exists from the repository root']
      },
      {
        name: 'Checked relative to the root, not the spec',
        path: 'specs/nested/example.md',
        input: '# T\n\n## Reference Files\n\n**From Discovery:**\n- `example.md` — the spec itself is not at the root\n',
        messages: ['6:3-6:15: Missing file or folder `example.md`, expected a path that exists from the repository root']
      }
    ]
  }
})
