import {defineRule, noOptions} from '../src/rule.js'
import {metaRow} from '../src/model/queries.js'
// The date is an input of the result: a cached lint is not reused on another day.
import {dependsOnToday, today} from '../src/parse/inputs.js'

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function monthOf(name: string): number | undefined {
  const index = months.indexOf(name.slice(0, 3).toLowerCase())
  return index < 0 ? undefined : index + 1
}

/** An unambiguous non-ISO date rewritten as ISO; undefined when ambiguous or not a date. */
export function toIsoDate(value: string): string | undefined {
  const v = value.trim()
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(v)
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
  // Day first or month first is unambiguous only when one of the two is past 12.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v)
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (a > 12 && b <= 12) return iso(year, b, a)
    if (b > 12 && a <= 12) return iso(year, a, b)
    return undefined
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(v)
  if (m) {
    const month = monthOf(m[2] ?? '')
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(v)
  if (m) {
    const month = monthOf(m[1] ?? '')
    return month ? iso(Number(m[3]), month, Number(m[2])) : undefined
  }
  return undefined
}

export default defineRule({
  id: 'meta-created',
  summary: 'Meta Created is a real, past ISO date',
  description:
    'Fires when Created is not an ISO date `YYYY-MM-DD`, is not a real calendar day, or lies in the future. Unambiguous other forms (`2026/01/22`, `22/01/2026`, `01/22/2026`, `22 Jan 2026`, `January 22, 2026`) are rewritten; `01/02/2026` is ambiguous and is not.',
  rationale: 'Dates sort, age and link specs to their discovery documents; only ISO dates compare correctly as text.',
  category: 'meta',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: noOptions,
  check(spec, ctx) {
    const row = metaRow(spec, 'created')
    if (!row) return
    const value = row.value.trim()
    if (value === '') {
      ctx.report('Missing Created date, expected `YYYY-MM-DD`', row.valuePosition)
      return
    }
    const strict = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (strict) {
      if (!iso(Number(strict[1]), Number(strict[2]), Number(strict[3]))) {
        ctx.report(`Unexpected Created \`${value}\`, expected a real calendar day`, row.valuePosition)
      } else if (value > today()) {
        // A past date stays past; a future one is reported only until its day comes.
        dependsOnToday(ctx.file)
        ctx.report(`Unexpected Created \`${value}\` in the future, expected the day the spec was written`, row.valuePosition)
      }
      return
    }
    const fixed = toIsoDate(value)
    if (fixed) ctx.report(`Unexpected Created \`${value}\`, expected \`${fixed}\``, row.valuePosition, {expected: [fixed]})
    else ctx.report(`Unexpected Created \`${value}\`, expected an ISO date \`YYYY-MM-DD\``, row.valuePosition)
  },
  examples: {
    valid: [{input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-01-22 |\n'}, {input: '# T\n\n## Meta\n\n- **Created:** 2024-02-29\n'}],
    invalid: [
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026/01/22 |\n',
        messages: ['7:13-7:23: Unexpected Created `2026/01/22`, expected `2026-01-22`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-01-22 |\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 22 Jan 2026 |\n',
        messages: ['7:13-7:24: Unexpected Created `22 Jan 2026`, expected `2026-01-22`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-01-22 |\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 22/01/2026 |\n',
        messages: ['7:13-7:23: Unexpected Created `22/01/2026`, expected `2026-01-22`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-01-22 |\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 01/22/2026 |\n',
        messages: ['7:13-7:23: Unexpected Created `01/22/2026`, expected `2026-01-22`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-01-22 |\n'
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 31.02.2026 |\n',
        messages: ['7:13-7:23: Unexpected Created `31.02.2026`, expected an ISO date `YYYY-MM-DD`']
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2026-02-30 |\n',
        messages: ['7:13-7:23: Unexpected Created `2026-02-30`, expected a real calendar day']
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 2999-01-01 |\n',
        messages: ['7:13-7:23: Unexpected Created `2999-01-01` in the future, expected the day the spec was written']
      },
      {
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Created | 01/02/2026 |\n',
        messages: ['7:13-7:23: Unexpected Created `01/02/2026`, expected an ISO date `YYYY-MM-DD`']
      }
    ]
  }
})
