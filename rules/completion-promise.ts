import {promisePattern} from '../src/model/vocabulary.js'
import {defineRule, noOptions} from '../src/rule.js'
import {upperSnake} from '../src/model/text.js'
import {at, rangeAt} from '../src/model/positions.js'
import {findSection} from '../src/model/queries.js'
import {promiseFromTitle} from '../src/model/vocabulary.js'

/** A value rewritten to UPPER_SNAKE ending in `_COMPLETE`, or the title's. */
export function normalizePromise(value: string, title: string | undefined): string {
  if (/^\[.*\]$/.test(value.trim()) || value.trim() === '') return promiseFromTitle(title)
  const snake = upperSnake(value.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))
  if (!snake || !/^[A-Z]/.test(snake)) return promiseFromTitle(title)
  return snake.endsWith('_COMPLETE') ? snake : `${snake}_COMPLETE`
}

/**
 * A promise value written as plain text in the Completion Promise section
 * (`PAYMENTS_COMPLETE`, no tag, no backticks): wrapping it in place keeps
 * the sentence around it, where appending a second line would leave it.
 */
function barePromise(source: string, from: number | undefined, to: number | undefined): {value: string; start: number; end: number} | undefined {
  if (from === undefined || to === undefined) return undefined
  const text = source.slice(from, to)
  const match = /(?<![\w`<>/-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_COMPLETE)(?![\w`<>-])/.exec(text)
  if (!match || match[1] === undefined) return undefined
  const start = from + match.index
  return {value: match[1], start, end: start + match[1].length}
}

export default defineRule({
  id: 'completion-promise',
  summary: 'One `<promise>NAME_COMPLETE</promise>` in UPPER_SNAKE',
  description:
    'Fires when there is no `<promise>…</promise>`, more than one, or its value does not match `^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_COMPLETE$` (the template’s `[UNIQUE_COMPLETION_STRING]` included). Fixes: the value is normalised; a bare value in the Completion Promise section (backticked or plain text) is wrapped in the tag in place; a missing promise is derived from the title and added to the section.',
  rationale: 'The loop stops when the agent prints the promise; a missing, doubled or malformed one means the loop never stops or stops on the wrong spec.',
  category: 'completion',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const title = spec.title?.text
    const [first, ...rest] = spec.promises
    if (!first) {
      const section = findSection(spec, 'Completion Promise')
      // Without the section, required-sections reports it and inserts the promise.
      if (!section) return
      const bare = barePromise(ctx.source, section.headingPosition.end.offset, section.position.end.offset)
      if (bare) {
        ctx.report(`Unexpected bare promise \`${bare.value}\`, expected \`<promise>${bare.value}</promise>\``, rangeAt(ctx.source, bare.start, bare.end), {
          expected: [`<promise>${bare.value}</promise>`]
        })
        return
      }
      const value = promiseFromTitle(title)
      const end = section.position.end
      ctx.report('Missing `<promise>…</promise>`, expected one in `## Completion Promise`', at(end), {
        expected: [`\n\n<promise>${value}</promise>`]
      })
      return
    }
    if (first.form === 'code') {
      const value = promisePattern.test(first.value) ? first.value : normalizePromise(first.value, title)
      ctx.report(`Unexpected bare promise \`${first.value}\`, expected \`<promise>${value}</promise>\``, first.position, {
        expected: [`<promise>${value}</promise>`]
      })
      return
    }
    if (!promisePattern.test(first.value)) {
      const value = normalizePromise(first.value, title)
      ctx.report(`Unexpected promise \`${first.value}\`, expected \`${value}\``, first.valuePosition, {expected: [value]})
    }
    for (const extra of rest) {
      ctx.report(
        `Unexpected second promise \`${extra.value}\`, expected one (first at ${first.position.start.line}:${first.position.start.column})`,
        extra.position,
        {related: [{reason: `First promise \`${first.value}\``, place: first.position}]}
      )
    }
  },
  examples: {
    valid: [
      {input: '# T\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n'},
      {input: '# T\n\n## Completion Promise\n\nWhen done, output <promise>V2_API_COMPLETE</promise>.\n'}
    ],
    invalid: [
      {
        name: 'Template value: derived from the title',
        input: '# Billing export\n\n## Completion Promise\n\n<promise>[UNIQUE_COMPLETION_STRING]</promise>\n',
        messages: ['5:10-5:36: Unexpected promise `[UNIQUE_COMPLETION_STRING]`, expected `BILLING_EXPORT_COMPLETE`'],
        output: '# Billing export\n\n## Completion Promise\n\n<promise>BILLING_EXPORT_COMPLETE</promise>\n'
      },
      {
        name: 'Lower case value',
        input: '# T\n\n## Completion Promise\n\n<promise>auth system</promise>\n',
        messages: ['5:10-5:21: Unexpected promise `auth system`, expected `AUTH_SYSTEM_COMPLETE`'],
        output: '# T\n\n## Completion Promise\n\n<promise>AUTH_SYSTEM_COMPLETE</promise>\n'
      },
      {
        name: 'A bare backticked value is wrapped',
        input: '# T\n\n## Completion Promise\n\nOutput the exact string:\n`SITE_COMPLETE`\n',
        messages: ['6:1-6:16: Unexpected bare promise `SITE_COMPLETE`, expected `<promise>SITE_COMPLETE</promise>`'],
        output: '# T\n\n## Completion Promise\n\nOutput the exact string:\n<promise>SITE_COMPLETE</promise>\n'
      },
      {
        name: 'A plain-text value is wrapped in place, not added again',
        input: '# Payments\n\n## Completion Promise\n\nWhen every criterion passes, print PAYMENTS_COMPLETE and stop.\n',
        messages: ['5:36-5:53: Unexpected bare promise `PAYMENTS_COMPLETE`, expected `<promise>PAYMENTS_COMPLETE</promise>`'],
        output: '# Payments\n\n## Completion Promise\n\nWhen every criterion passes, print <promise>PAYMENTS_COMPLETE</promise> and stop.\n'
      },
      {
        name: 'Missing in its section',
        input: '# Data sync\n\n## Completion Promise\n\nSay when done.\n',
        messages: ['5:15: Missing `<promise>…</promise>`, expected one in `## Completion Promise`'],
        output: '# Data sync\n\n## Completion Promise\n\nSay when done.\n\n<promise>DATA_SYNC_COMPLETE</promise>\n'
      },
      {
        name: 'Two promises',
        input: '# T\n\n## Completion Promise\n\n<promise>A_COMPLETE</promise>\n\n## Notes\n\n<promise>B_COMPLETE</promise>\n',
        messages: ['9:1-9:30: Unexpected second promise `B_COMPLETE`, expected one (first at 5:1)']
      }
    ]
  }
})
