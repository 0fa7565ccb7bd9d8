import {defineRule, noOptions} from '../src/rule.js'
import type {RunFile} from '../src/rule.js'

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
  checkRun(files, ctx) {
    // Grouped by value, O(n): each file's first promise, from its summary.
    const byValue = new Map<string, RunFile[]>()
    for (const entry of files) {
      const value = entry.summary.promises[0]?.value
      if (!value) continue
      const group = byValue.get(value)
      if (group) group.push(entry)
      else byValue.set(value, [entry])
    }
    for (const [value, group] of byValue) {
      if (group.length < 2) continue
      for (const entry of group) {
        const promise = entry.summary.promises[0]
        if (!promise) continue
        const others = group.filter((other) => other !== entry)
        const names = others.map((other) => `\`${other.name}:${other.summary.promises[0]?.valuePosition.start.line ?? 1}\``)
        ctx.report(entry, `Unexpected promise \`${value}\` also used by ${names.join(', ')}, expected a promise unique to this spec`, promise.valuePosition, {
          related: others.flatMap((other) => {
            const place = other.summary.promises[0]?.valuePosition
            return place ? [{reason: `Promise \`${value}\` also used here`, place, file: other.file}] : []
          })
        })
      }
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
        messages: ['5:10-5:30: Unexpected promise `AUTH_SYSTEM_COMPLETE` also used by `specs/billing.md:9`, expected a promise unique to this spec']
      },
      {
        name: 'Three specs: every other file is named',
        input: '# A\n\n<promise>SITE_COMPLETE</promise>\n',
        files: [
          {path: 'specs/b.md', input: '# B\n\n<promise>SITE_COMPLETE</promise>\n'},
          {path: 'specs/c.md', input: '# C\n\n## Completion Promise\n\n<promise>SITE_COMPLETE</promise>\n'}
        ],
        messages: ['3:10-3:23: Unexpected promise `SITE_COMPLETE` also used by `specs/b.md:3`, `specs/c.md:5`, expected a promise unique to this spec']
      },
      {
        name: 'A bare backticked promise counts too',
        input: '# A\n\n## Completion Promise\n\n`DATA_SYNC_COMPLETE`\n',
        files: [{path: 'specs/sync.md', input: '# B\n\n## Completion Promise\n\n<promise>DATA_SYNC_COMPLETE</promise>\n'}],
        messages: ['5:2-5:20: Unexpected promise `DATA_SYNC_COMPLETE` also used by `specs/sync.md:5`, expected a promise unique to this spec']
      }
    ]
  }
})
