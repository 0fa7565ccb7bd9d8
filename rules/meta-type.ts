import {z} from 'zod'
import {defineRule} from '../src/rule.js'
import {normalizeType, workTypes} from '../src/model/vocabulary.js'
import {listOf} from '../src/model/text.js'
import {metaRow} from '../src/model/queries.js'

export default defineRule({
  id: 'meta-type',
  summary: 'Meta Type is one of the work types',
  description:
    'Fires when Type is not one of `backend-api`, `frontend`, `agent-langgraph`, `agent-dspy`, `hybrid` (extend the list with `types`). A known type written with other case or spacing (`Backend API`) is fixed; a known type followed by a qualifier (`hybrid (frontend + backend + agent)`) is a warning.',
  rationale: 'Type decides the skills, whether Architecture is needed, and whether the work belongs to agent-spec-builder; free text cannot be routed.',
  category: 'meta',
  recommended: 'error',
  strict: 'error',
  fixable: true,
  options: z.object({types: z.array(z.string()).default([]).describe('More accepted types, added to the built-in list')}).strict(),
  check(spec, ctx) {
    const row = metaRow(spec, 'type')
    if (!row) return
    const allowed = [...workTypes, ...ctx.options.types]
    const value = row.value.trim()
    if (allowed.includes(value)) return
    if (value === '') {
      ctx.report(`Missing Type, expected ${listOf(allowed)}`, row.valuePosition)
      return
    }
    const normalized = normalizeType(value)
    if (allowed.includes(normalized)) {
      ctx.report(`Unexpected Type \`${value}\`, expected \`${normalized}\``, row.valuePosition, {expected: [normalized]})
      return
    }
    // `backend-api / frontend` lists alternatives (the template's text): not a qualifier.
    const lead = value.includes('/') ? undefined : allowed.find((type) => normalized.startsWith(`${type}-`) || normalized.startsWith(`${type}(`))
    if (lead) {
      ctx.report(`Unexpected qualifier in Type \`${value}\`, expected \`${lead}\` alone (put the detail in the Overview)`, row.valuePosition, {
        severity: 'warning'
      })
      return
    }
    ctx.report(`Unexpected Type \`${value}\`, expected ${listOf(allowed)}`, row.valuePosition)
  },
  examples: {
    valid: [
      {input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | backend-api |\n'},
      {input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | cli |\n', options: {types: ['cli']}}
    ],
    invalid: [
      {
        name: 'Case and spacing are fixed',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | Backend API |\n',
        messages: ['7:10-7:21: Unexpected Type `Backend API`, expected `backend-api`'],
        output: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | backend-api |\n'
      },
      {
        name: 'A qualifier is a warning',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | hybrid (frontend + backend + agent) |\n',
        messages: ['7:10-7:45: Unexpected qualifier in Type `hybrid (frontend + backend + agent)`, expected `hybrid` alone (put the detail in the Overview)']
      },
      {
        name: 'Unknown type',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | backend-api / frontend |\n',
        messages: ['7:10-7:32: Unexpected Type `backend-api / frontend`, expected `backend-api`, `frontend`, `agent-langgraph`, `agent-dspy` or `hybrid`']
      },
      {
        name: 'Empty',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type |  |\n',
        messages: ['7:11: Missing Type, expected `backend-api`, `frontend`, `agent-langgraph`, `agent-dspy` or `hybrid`']
      }
    ]
  }
})
