import type {Chunk} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {leadingType} from '../src/model/vocabulary.js'
import {metaRow} from '../src/model/queries.js'
import {memoText} from '../src/model/memo.js'

const marker = /\(requires agent-spec-builder\)/i

/** The chunk as written: its table row and its checklist item, fields and sub-tasks included. */
function written(chunk: Chunk, source: string): string[] {
  const out = [chunk.title, chunk.text]
  for (const position of [chunk.row?.position, chunk.detail?.position]) {
    if (position) out.push(source.slice(position.start.offset, position.end.offset))
  }
  return out
}

/** The mark counts wherever the spec puts it for the chunk: the row, the bold title or the detail. */
function marked(chunk: Chunk, source: string): boolean {
  return written(chunk, source).some(hasMarker)
}

// Chunk texts rarely change between runs (an editor lints on each keystroke): each is tested once.
const hasMarker = memoText((text: string) => marker.test(text))

/*
 * The format's signals for agent work are what the chunk does: LLM
 * orchestration, prompts, agent coordination. A stream's name is not one: a
 * rules-based matcher in an `agent` stream is ordinary code.
 */
const agentWork = /\b(?:llms?|large language models?|prompts?|prompt-engineering|sub-?agents?|multi-agents?|agentic|agents?|langgraph|dspy|orchestrat\w*)\b/i
const negated = /\b(?:no|without|not|non|never)[\s-]+(?:an?\s+|any\s+)?(?:llms?|large language models?|prompts?|agents?|ai)\b/gi
const agentSkill = /^(?:agent-|individual-agents|prompt-|langgraph|dspy)/i

/** Whether a text describes agent work, the handoff mark and negations (`no LLM`) aside. */
const describesAgentWork = memoText((text: string) => agentWork.test(text.replace(/agent-spec-builder/gi, '').replace(negated, '')))

/** An agent chunk: what it does is LLM, prompt or agent work, or its skills are agent skills. */
function isAgent(chunk: Chunk, source: string): boolean {
  return (
    [chunk.title, chunk.text, chunk.outcome ?? '', ...chunk.subtasks].some(describesAgentWork) ||
    (chunk.skills ?? []).some((skill) => agentSkill.test(skill)) ||
    marked(chunk, source)
  )
}

/** An API or frontend chunk, by its stream, title or skills. */
function isApiOrFrontend(chunk: Chunk): boolean {
  const words = /\b(?:api|endpoints?|routes?|frontend|ui|pages?|components?|backend|server|web|dashboard|screens?)\b/i
  return words.test(chunk.stream ?? '') || words.test(chunk.title) || (chunk.skills ?? []).some((skill) => /^(?:backend|frontend)/i.test(skill))
}

const spec = (type: string, plan: string) =>
  `# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | ${type} |\n\n## Execution Plan\n\n### Phase 1: Build\n\n${plan}`

export default defineRule({
  id: 'agent-routing',
  summary: 'Agent work is routed to agent-spec-builder',
  description:
    "Fires when Type is `agent-langgraph` or `agent-dspy` and no chunk is API or frontend work (pure agent work belongs to agent-spec-builder); when Type is `hybrid` and no chunk is marked `(requires agent-spec-builder)`; and on an agent chunk among other chunks without that mark. A chunk is agent work by what it does (LLM orchestration, prompts, agent coordination, agent skills), not by its stream's name; the mark counts in the table row, the bold title or the detail.",
  rationale:
    'general-spec-builder writes specs for APIs and frontends and hands agent systems off; an agent chunk specified here gets none of the agent-specific design it needs.',
  category: 'completion',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(model, ctx) {
    const row = metaRow(model, 'type')
    const type = leadingType(row?.value)
    const chunks = model.chunks
    if (row && (type === 'agent-langgraph' || type === 'agent-dspy')) {
      if (!chunks.some((chunk) => !isAgent(chunk, ctx.source) && isApiOrFrontend(chunk))) {
        ctx.report(
          `Unexpected pure agent work for Type \`${type}\`, expected it routed to \`agent-spec-builder\` (no API or frontend chunk)`,
          row.valuePosition
        )
      }
      return
    }
    if (row && type === 'hybrid' && !chunks.some((chunk) => marked(chunk, ctx.source))) {
      ctx.report('Missing a chunk marked `(requires agent-spec-builder)` for Type `hybrid`, expected the agent part handed off', row.valuePosition)
      return
    }
    if (!chunks.some((chunk) => !isAgent(chunk, ctx.source))) return
    for (const chunk of chunks) {
      if (!isAgent(chunk, ctx.source) || marked(chunk, ctx.source)) continue
      const place = chunk.detail?.titlePosition ?? chunk.row?.cells.chunk?.position ?? chunk.row?.position
      ctx.report(`Missing \`(requires agent-spec-builder)\` after agent chunk \`${chunk.title}\`, expected agent work handed off`, place)
    }
  },
  examples: {
    valid: [
      {
        name: 'A rules-based matcher in the agent stream is not agent work',
        input: spec(
          'backend-api',
          '- [ ] **Draft endpoint**\n\n  Stream: api\n\n- [ ] **Keyword matcher**\n\n  Stream: agent\n  Outcome: Tickets are tagged by fixed keyword rules, no LLM.\n\n  - Match subjects against the rules table\n'
        )
      },
      {
        name: 'The mark on the detail line or in the table row counts',
        input: spec(
          'hybrid',
          '| Chunk | Outcome | Depends On |\n|---|---|---|\n| Reply drafting | Drafts (requires agent-spec-builder) | — |\n\n- [ ] **Content API**\n\n  Stream: api\n\n- [ ] **Reply drafting**\n\n  Outcome: An LLM drafts replies.\n'
        )
      },
      {
        name: 'A hybrid with the agent chunk marked',
        input: spec('hybrid', '- [ ] **Content API**\n\n  Stream: api\n\n- [ ] **Carousel agent system** (requires agent-spec-builder)\n\n  Stream: agent\n')
      },
      {
        name: 'Agent type with an API chunk',
        input: spec('agent-langgraph', '- [ ] **Draft endpoint**\n\n  Stream: api\n\n- [ ] **Draft agent** (requires agent-spec-builder)\n\n  Stream: agent\n')
      }
    ],
    invalid: [
      {
        name: 'Pure agent work',
        input: spec('agent-langgraph', '- [ ] **Build carousel agents**\n\n  Stream: agents\n'),
        messages: ['7:10-7:25: Unexpected pure agent work for Type `agent-langgraph`, expected it routed to `agent-spec-builder` (no API or frontend chunk)']
      },
      {
        name: 'Hybrid without a hand-off',
        input: spec('hybrid (frontend + agent)', '- [ ] **Content page**\n\n  Stream: frontend\n\n- [ ] **Agent system**\n\n  Stream: agent\n'),
        messages: ['7:10-7:35: Missing a chunk marked `(requires agent-spec-builder)` for Type `hybrid`, expected the agent part handed off']
      },
      {
        name: 'An agent chunk among others',
        input: spec('backend-api', '- [ ] **Draft endpoint**\n\n  Stream: api\n\n- [ ] **Summary agent**\n\n  Stream: api\n'),
        messages: ['17:9-17:22: Missing `(requires agent-spec-builder)` after agent chunk `Summary agent`, expected agent work handed off']
      }
    ]
  }
})
