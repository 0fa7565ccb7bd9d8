import type {Chunk} from '../src/model/schema.js'
import {defineRule, noOptions} from '../src/rule.js'
import {leadingType} from '../src/model/vocabulary.js'
import {metaRow} from '../src/model/queries.js'

const marker = /\(requires agent-spec-builder\)/i

function texts(chunk: Chunk): string[] {
  return [chunk.title, chunk.detail?.note ?? '', ...Object.values(chunk.row?.cells ?? {}).map((cell) => cell.raw)]
}

function marked(chunk: Chunk): boolean {
  return texts(chunk).some((text) => marker.test(text))
}

/** An agent chunk: its stream, title or skills name agent work. */
function isAgent(chunk: Chunk): boolean {
  return (
    /\bagents?\b/i.test(chunk.stream ?? '') ||
    /\bagents?\b/i.test(chunk.title) ||
    (chunk.skills ?? []).some((skill) => /^agent-|langgraph|dspy/i.test(skill)) ||
    marked(chunk)
  )
}

/** An API or frontend chunk, by its stream, title or skills. */
function isApiOrFrontend(chunk: Chunk): boolean {
  const words = /\b(?:api|endpoints?|routes?|frontend|ui|pages?|components?|backend|server|web|dashboard|screens?)\b/i
  return (
    words.test(chunk.stream ?? '') ||
    words.test(chunk.title) ||
    (chunk.skills ?? []).some((skill) => /^(?:backend|frontend)/i.test(skill))
  )
}

const spec = (type: string, plan: string) =>
  `# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Type | ${type} |\n\n## Execution Plan\n\n### Phase 1: Build\n\n${plan}`

export default defineRule({
  id: 'agent-routing',
  summary: 'Agent work is routed to agent-spec-builder',
  description:
    'Fires when Type is `agent-langgraph` or `agent-dspy` and no chunk is API or frontend work (pure agent work belongs to agent-spec-builder); when Type is `hybrid` and no chunk is marked `(requires agent-spec-builder)`; and on an agent chunk (stream, title or skills naming agents) among other chunks without that mark.',
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
      if (!chunks.some((chunk) => !isAgent(chunk) && isApiOrFrontend(chunk))) {
        ctx.report(
          `Unexpected pure agent work for Type \`${type}\`, expected it routed to \`agent-spec-builder\` (no API or frontend chunk)`,
          row.valuePosition
        )
      }
      return
    }
    if (row && type === 'hybrid' && !chunks.some(marked)) {
      ctx.report(
        'Missing a chunk marked `(requires agent-spec-builder)` for Type `hybrid`, expected the agent part handed off',
        row.valuePosition
      )
      return
    }
    if (!chunks.some((chunk) => !isAgent(chunk))) return
    for (const chunk of chunks) {
      if (!isAgent(chunk) || marked(chunk)) continue
      const place = chunk.detail?.titlePosition ?? chunk.row?.cells.chunk?.position ?? chunk.row?.position
      ctx.report(
        `Missing \`(requires agent-spec-builder)\` after agent chunk \`${chunk.title}\`, expected agent work handed off`,
        place
      )
    }
  },
  examples: {
    valid: [
      {
        name: 'A hybrid with the agent chunk marked',
        input: spec(
          'hybrid',
          '- [ ] **Content API**\n\n  Stream: api\n\n- [ ] **Carousel agent system** (requires agent-spec-builder)\n\n  Stream: agent\n'
        )
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
        messages: [
          '7:10-7:25: Unexpected pure agent work for Type `agent-langgraph`, expected it routed to `agent-spec-builder` (no API or frontend chunk)'
        ]
      },
      {
        name: 'Hybrid without a hand-off',
        input: spec('hybrid (frontend + agent)', '- [ ] **Content page**\n\n  Stream: frontend\n\n- [ ] **Agent system**\n\n  Stream: agent\n'),
        messages: [
          '7:10-7:35: Missing a chunk marked `(requires agent-spec-builder)` for Type `hybrid`, expected the agent part handed off'
        ]
      },
      {
        name: 'An agent chunk among others',
        input: spec('backend-api', '- [ ] **Draft endpoint**\n\n  Stream: api\n\n- [ ] **Summary agent**\n\n  Stream: api\n'),
        messages: [
          '17:9-17:22: Missing `(requires agent-spec-builder)` after agent chunk `Summary agent`, expected agent work handed off'
        ]
      }
    ]
  }
})
