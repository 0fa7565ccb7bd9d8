import nodePath from 'node:path'
import type {VFile} from 'vfile'
import type {Position} from '../src/model/schema.js'
import {applyControlComments, defineRule, noOptions} from '../src/rule.js'
import type {ReportExtra} from '../src/rule.js'

interface PromiseEntry {
  value: string
  place: Position
  report(reason: string, place: Position, extra?: ReportExtra): void
  /** Re-apply the file's disable comments to messages added after its run. */
  control(): void
}

declare module 'vfile' {
  interface DataMap {
    specPromiseUnique: PromiseEntry
  }
}

interface FileSetLike {
  use(completer: (set: {valueOf(): VFile[]}) => void): unknown
  valueOf(): VFile[]
}

function isFileSet(value: unknown): value is FileSetLike {
  return typeof value === 'object' && value !== null && typeof (value as {use?: unknown}).use === 'function'
}

function name(file: VFile): string {
  if (!file.path) return '<stdin>'
  return nodePath.relative(file.cwd, nodePath.resolve(file.cwd, file.path)).replace(/\\/g, '/') || file.path
}

/** Runs once per run, after every file: groups promises by value, O(n). */
function completer(set: {valueOf(): VFile[]}): void {
  const byValue = new Map<string, VFile[]>()
  for (const file of set.valueOf()) {
    const entry = file.data.specPromiseUnique
    if (!entry) continue
    const group = byValue.get(entry.value)
    if (group) group.push(file)
    else byValue.set(entry.value, [file])
  }
  for (const [value, files] of byValue) {
    if (files.length < 2) continue
    for (const file of files) {
      const entry = file.data.specPromiseUnique
      if (!entry) continue
      const others = files
        .filter((other) => other !== file)
        .map((other) => `\`${name(other)}:${other.data.specPromiseUnique?.place.start.line ?? 1}\``)
      entry.report(
        `Unexpected promise \`${value}\` also used by ${others.join(', ')}, expected a promise unique to this spec`,
        entry.place
      )
      entry.control()
    }
  }
}

export default defineRule({
  id: 'completion-promise-unique',
  summary: 'No two specs of one run share a completion promise',
  description:
    'Fires when two or more specs linted together (one CLI run, through the engine’s file set) have the same `<promise>` value. Each file gets a message naming the other file and line. Files linted on their own are not compared.',
  rationale: 'The loop stops when it sees the promise; two specs with the same promise let one spec’s completion stop the other’s loop.',
  category: 'completion',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  attach({fileSet}) {
    if (isFileSet(fileSet)) fileSet.use(completer)
  },
  check(spec, ctx) {
    const promise = spec.promise
    if (!promise || promise.value === '') return
    ctx.file.data.specPromiseUnique = {
      value: promise.value,
      place: promise.valuePosition,
      report: ctx.report,
      control: () => applyControlComments(ctx.tree, ctx.file, spec)
    }
  },
  examples: {
    valid: [
      {
        name: 'Different promises',
        input: '# A\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n',
        files: [{path: 'specs/other.md', input: '# B\n\n## Completion Promise\n\n<promise>BILLING_COMPLETE</promise>\n'}]
      },
      {name: 'One file alone', input: '# A\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n'}
    ],
    invalid: [
      {
        name: 'The same promise in two specs',
        input: '# A\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n',
        files: [{path: 'specs/billing.md', input: '# B\n\n## Notes\n\n- x\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n'}],
        messages: [
          '5:10-5:30: Unexpected promise `AUTH_SYSTEM_COMPLETE` also used by `specs/billing.md:9`, expected a promise unique to this spec'
        ]
      },
      {
        name: 'Three specs: every other file is named',
        input: '# A\n\n<promise>SITE_COMPLETE</promise>\n',
        files: [
          {path: 'specs/b.md', input: '# B\n\n<promise>SITE_COMPLETE</promise>\n'},
          {path: 'specs/c.md', input: '# C\n\n## Completion Promise\n\n<promise>SITE_COMPLETE</promise>\n'}
        ],
        messages: [
          '3:10-3:23: Unexpected promise `SITE_COMPLETE` also used by `specs/b.md:3`, `specs/c.md:5`, expected a promise unique to this spec'
        ]
      },
      {
        name: 'A bare backticked promise counts too',
        input: '# A\n\n## Completion Promise\n\n`DATA_SYNC_COMPLETE`\n',
        files: [{path: 'specs/sync.md', input: '# B\n\n## Completion Promise\n\n<promise>DATA_SYNC_COMPLETE</promise>\n'}],
        messages: [
          '5:2-5:20: Unexpected promise `DATA_SYNC_COMPLETE` also used by `specs/sync.md:5`, expected a promise unique to this spec'
        ]
      }
    ]
  }
})
