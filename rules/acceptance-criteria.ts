import {defineRule, noOptions} from '../src/rule.js'
import {findSection} from '../src/model/queries.js'

/** Single words that are commands on their own. */
const bareCommands = new Set(['make', 'pytest', 'tox', 'nox', 'jest', 'vitest', 'ruff', 'mypy', 'tsc', 'eslint', 'just', 'rake'])

/**
 * Whether inline code reads as a command to run: a lower-case program name
 * followed by arguments (`pytest tests/auth/`, `npm run build`), or a known
 * bare command. Paths (`lib/site/timetable.ts`), handles and HTTP routes are not.
 */
/** What a person does in a browser (`visit /jobs`, `open /admin`): an observation, not a command to run. */
const humanVerbs = new Set(['visit', 'open', 'go', 'goto', 'navigate', 'click', 'see', 'view', 'browse', 'check', 'load', 'tap'])

export function isCommand(code: string): boolean {
  const value = code.trim()
  if (bareCommands.has(value)) return true
  if (humanVerbs.has((value.split(/\s+/)[0] ?? '').toLowerCase())) return false
  // A script run by path: `./scripts/check.sh`, `bin/verify`.
  if (/^\.{0,2}\/[\w./-]+$/.test(value) && !/\/$/.test(value) && !/\.(?:ts|tsx|js|py|md|json|ya?ml)$/.test(value)) return true
  const [program, ...args] = value.split(/\s+/)
  if (!program || args.length === 0) return false
  return /^(?:\.{0,2}\/)?[a-z][\w.-]*(?:\/[\w.-]+)*$/.test(program) && !/\.(?:ts|tsx|js|py|md|json|ya?ml)$/.test(program)
}

export default defineRule({
  id: 'acceptance-criteria',
  summary: 'Acceptance Criteria is a checklist with a runnable command',
  description:
    'Fires when `## Acceptance Criteria` has no list item, on each item that is not a checkbox (`- [ ] …`), and when no criterion has a runnable command in backticks (``All tests pass: `pytest tests/auth/` ``). A command is a lower-case program followed by arguments, a bare `make`, `pytest`, `tsc` and the like, or a script by path (`./scripts/check.sh`); source file paths and routes in backticks are not commands.',
  rationale: 'The loop ticks criteria off one by one and stops on the promise only when they hold; at least one must be checkable by running something.',
  category: 'completion',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const section = findSection(spec, 'Acceptance Criteria')
    if (!section || !spec.acceptance) return
    const {criteria} = spec.acceptance
    if (criteria.length === 0) {
      ctx.report('Missing criteria, expected a checklist of `- [ ] …` items', section.headingPosition)
      return
    }
    for (const criterion of criteria) {
      if (criterion.checked !== null) continue
      ctx.report('Unexpected list item, expected a checkbox `- [ ] …`', {
        start: criterion.position.start,
        end: {...criterion.position.start, column: criterion.position.start.column + 1, offset: criterion.position.start.offset + 1}
      })
    }
    if (!criteria.some((criterion) => criterion.commands.some(isCommand))) {
      ctx.report('Missing runnable command, expected a criterion with a command in backticks (`` All tests pass: `pytest tests/` ``)', section.headingPosition)
    }
  },
  examples: {
    valid: [
      {input: '# T\n\n## Acceptance Criteria\n\n- [ ] Invalid credentials return 401\n- [ ] All tests pass: `pytest tests/auth/`\n'},
      {name: 'Checked items and a bare command', input: '# T\n\n## Acceptance Criteria\n\n- [x] Builds: `make`\n- [ ] Docs updated\n'}
    ],
    invalid: [
      {
        name: 'Empty',
        input: '# T\n\n## Acceptance Criteria\n\n## Completion Promise\n',
        messages: ['3:1-3:23: Missing criteria, expected a checklist of `- [ ] …` items']
      },
      {
        name: 'Plain list items',
        input: '# T\n\n## Acceptance Criteria\n\n- Login works: `pytest tests/auth/`\n- [ ] Tokens rotate\n',
        messages: ['5:1-5:2: Unexpected list item, expected a checkbox `- [ ] …`']
      },
      {
        name: 'No runnable command: paths and routes do not count',
        input:
          '# T\n\n## Acceptance Criteria\n\n- [ ] Timetable renders from `lib/site/timetable.ts`\n- [ ] `POST /auth/login` returns 200\n- [ ] Jobs are listed (`visit /jobs`)\n',
        messages: ['3:1-3:23: Missing runnable command, expected a criterion with a command in backticks (`` All tests pass: `pytest tests/` ``)']
      }
    ]
  }
})
