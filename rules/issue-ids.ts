import {defineRule, noOptions} from '../src/rule.js'
import {metaRow} from '../src/model/queries.js'
import {where} from '../src/model/plan-queries.js'
import type {Position} from '../src/model/schema.js'
import {normalizeStatus} from '../src/model/vocabulary.js'

const spec = (status: string, items: string[]) =>
  `# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Status | ${status} |\n\n## Execution Plan\n\n### Phase 1: Foundation\n\n${items.map((i) => `- [ ] **${i}\n\n  Outcome: Done.\n`).join('\n')}`

const prefixOf = (id: string) => id.replace(/-\d+$/, '')

export default defineRule({
  id: 'issue-ids',
  summary: 'Chunks carry well-formed, unique issue ids once work has started',
  description:
    'Fires, when Status is `in-progress` or `complete`, on a checklist item without an issue id `(ABC-123)` after its title. On any Status: a malformed id (`(ns101)`), the same id on two chunks, and (as a warning) ids with different team prefixes.',
  rationale:
    'Progress lives in the issue tracker, not in the spec; the id after each title is how a session finds the issue to update and how a reviewer finds the work.',
  category: 'plan',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(spec, ctx) {
    const row = metaRow(spec, 'status')
    const status = row ? normalizeStatus(row.value) : undefined
    const started = status === 'in-progress' || status === 'complete'
    const seen = new Map<string, {title: string; place: Position}>()
    const prefixes = new Map<string, number>()
    for (const chunk of spec.chunks) {
      const id = chunk.detail?.issueId
      if (id?.valid) prefixes.set(prefixOf(id.value), (prefixes.get(prefixOf(id.value)) ?? 0) + 1)
    }
    // The prefix most chunks use (first written on a tie) is the team's.
    let team: string | undefined
    for (const [prefix, count] of prefixes) if (team === undefined || count > (prefixes.get(team) ?? 0)) team = prefix
    for (const chunk of spec.chunks) {
      const detail = chunk.detail
      if (!detail) continue
      const id = detail.issueId
      if (!id) {
        if (started) {
          ctx.report(`Missing issue id after chunk \`${detail.title}\`, expected \`(ABC-123)\` when Status is \`${status}\``, detail.titlePosition)
        }
        continue
      }
      if (!id.valid) {
        ctx.report(`Unexpected issue id \`${id.value}\`, expected an upper-case team key, a dash and a number (\`ABC-123\`)`, id.position)
        continue
      }
      const first = seen.get(id.value)
      if (first) {
        ctx.report(
          `Unexpected issue id \`${id.value}\` on chunk \`${detail.title}\`, already on \`${first.title}\` (${where(first.place)}), expected one id per chunk`,
          id.position,
          {related: [{reason: `Issue id \`${id.value}\` on chunk \`${first.title}\``, place: first.place}]}
        )
      } else seen.set(id.value, {title: detail.title, place: id.position})
      const prefix = prefixOf(id.value)
      if (team !== undefined && prefix !== team) {
        ctx.report(`Unexpected issue prefix \`${prefix}\` in \`${id.value}\`, expected \`${team}\` as on the other chunks`, id.position, {severity: 'warning'})
      }
    }
  },
  examples: {
    valid: [
      {input: spec('in-progress', ['Models** (NS-101)', 'Endpoints** (NS-102)'])},
      {name: 'a draft without ids', input: spec('draft', ['Models**', 'Endpoints**'])}
    ],
    invalid: [
      {
        name: 'in progress without an id',
        input: spec('in-progress', ['Models** (NS-101)', 'Endpoints**']),
        messages: ['17:9-17:18: Missing issue id after chunk `Endpoints`, expected `(ABC-123)` when Status is `in-progress`']
      },
      {
        name: 'a malformed id',
        input: spec('draft', ['Models** (ns101)']),
        messages: ['13:19-13:24: Unexpected issue id `ns101`, expected an upper-case team key, a dash and a number (`ABC-123`)']
      },
      {
        name: 'a duplicate id',
        input: spec('complete', ['Models** (NS-101)', 'Endpoints** (NS-101)']),
        messages: ['17:22-17:28: Unexpected issue id `NS-101` on chunk `Endpoints`, already on `Models` (13:19), expected one id per chunk']
      },
      {
        name: 'mixed prefixes',
        input: spec('in-progress', ['Models** (NS-101)', 'Endpoints** (NS-102)', 'Worker** (OPS-7)']),
        messages: ['21:19-21:24: Unexpected issue prefix `OPS` in `OPS-7`, expected `NS` as on the other chunks']
      }
    ]
  }
})
