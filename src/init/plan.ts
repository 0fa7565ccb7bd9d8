import type {WorkType, WorkTypeResult} from './work-type.js'
import {isAgentType} from './work-type.js'

/** A requirement as the plan sees it: its text, its short label and the group it came in. */
export interface PlannedRequirement {
  text: string
  label: string
  group: string | null
}

export type StreamName = 'data' | 'api' | 'frontend' | 'agent'

export interface PlanProposal {
  workStreams: Array<{name: string; responsibility: string; owns: string; skills: string}>
  phases: Array<{
    number: number
    name: string
    chunks: Array<{title: string; note: string; stream: string; outcome: string; tableOutcome: string; dependsOn: string; skills: string; subtasks: string[]}>
  }>
  communication: Array<{from: string; to: string; when: string; what: string}>
}

export interface PlanPlaceholders {
  owns: string
  agentOwns: string
  outcome: string
  tableOutcome: string
  subtask: string
  agentOutcome: string
  chunkName: string
}

/** What each stream is for, in the format's own words (Work Streams example). */
const streams: Record<StreamName, {responsibility: string; phase: string; chunk: string; signals: RegExp; paths: RegExp}> = {
  data: {
    responsibility: 'Database models and migrations',
    chunk: 'Data models and migrations',
    phase: 'Schema and models',
    signals: /\b(?:databases?|schemas?|tables?|models?|migrations?|SQL|Postgres\w*|indexes|views?|storage|stored|persist\w*)\b/gi,
    paths: /(?:^|\/)(?:models?|schemas?|migrations?|db|database|prisma|sql)(?:\/|\.|$)/i
  },
  api: {
    responsibility: 'API endpoints and middleware',
    chunk: 'API endpoints',
    phase: 'API',
    signals: /\b(?:endpoints?|APIs?|REST|GET|POST|PUT|PATCH|DELETE|webhooks?|server|auth\w*|tokens?|rate.limit\w*|checkout|payments?|emails?|backend)\b/gi,
    paths: /(?:^|\/)(?:api|routes?|server|handlers?|middleware|controllers?|services?|auth|billing|email|mail|webhooks?)(?:\/|\.|$)/i
  },
  frontend: {
    responsibility: 'UI components and pages',
    chunk: 'Pages and components',
    phase: 'Frontend',
    signals:
      /\b(?:pages?|panels?|UI|screens?|buttons?|components?|forms?|routes?|layouts?|displays?|shows?|cards?|grid|hero|footer|header|nav\w*|brand\w*|copy|sitemap|mobile|responsive|styles?|design)\b/gi,
    paths: /(?:^|\/)(?:components?|pages?|app|views?|styles?|public|ui|web|frontend|client)(?:\/|\.|$)|\.(?:tsx|jsx|vue|svelte|css)$|tailwind/i
  },
  agent: {
    responsibility: 'The agent system, specified by agent-spec-builder',
    chunk: 'Agent system',
    phase: 'Agent system',
    signals: /\b(?:agents?|LLMs?|prompts?|teammates?|orchestrat\w*|retrieval)\b/gi,
    paths: /(?:^|\/)(?:agents?|prompts?|llm)(?:\/|\.|$)/i
  }
}

/** The streams a work type's components call for: backend work splits data from API when it has a schema. */
export function streamsFor(type: WorkType, result: WorkTypeResult, text: string): StreamName[] {
  if (isAgentType(type)) return ['agent']
  const components = new Set(result.evidence.map((e) => e.component))
  if (type === 'backend-api' || type === 'frontend') components.add(type)
  if (type === 'hybrid') components.add('agent')
  const out: StreamName[] = []
  if (components.has('backend-api')) {
    if ((text.match(streams.data.signals)?.length ?? 0) >= 2) out.push('data')
    out.push('api')
  }
  if (components.has('frontend')) out.push('frontend')
  if (components.has('agent')) out.push('agent')
  return out.length > 0 ? out : ['api']
}

/** The stream whose signals a requirement names most; ties go to the earlier layer. */
function streamOf(text: string, present: readonly StreamName[]): StreamName {
  // A requirement that names no layer is the API's in backend work, else the first builder's.
  let best = present.includes('api') ? 'api' : (present.find((s) => s !== 'agent') ?? (present[0] as StreamName))
  let score = 0
  for (const name of present) {
    const count = text.match(streams[name].signals)?.length ?? 0
    if (count > score) {
      best = name
      score = count
    }
  }
  return best
}

/** Owned paths per stream: each in-repo path to the one stream its folder names, nested paths under their parent. */
function ownsOf(paths: readonly string[], present: readonly StreamName[]): Map<StreamName, string[]> {
  const owns = new Map<StreamName, string[]>()
  const taken: string[] = []
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length)
  for (const file of sorted) {
    if (taken.some((parent) => parent.endsWith('/') && file.startsWith(parent))) continue
    const name = present.find((stream) => streams[stream].paths.test(file)) ?? (present.length === 1 ? present[0] : undefined)
    if (!name) continue
    owns.set(name, [...(owns.get(name) ?? []), file])
    taken.push(file)
  }
  return owns
}

function sentence(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim()
  const end = plain.search(/[.!?](?:\s|$)/)
  const first = end === -1 ? plain : plain.slice(0, end + 1)
  return first.length > 160 ? `${first.slice(0, 157).trimEnd()}…` : first
}

function short(text: string, max = 60): string {
  const plain = text
    .replace(/\*\*|__|`/g, '')
    .replace(/[.:;]+$/, '')
    .trim()
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain
}

/**
 * An Execution Plan proposal: one stream per component, chunks from the
 * requirement groups each stream serves, and phases from the format's
 * sequential signals (schema before code, API before frontend, the agent
 * last in hybrid work). Placeholders only where a human must decide.
 */
export function proposePlan(input: {
  type: WorkType
  result: WorkTypeResult
  requirements: readonly PlannedRequirement[]
  paths: readonly string[]
  text: string
  skills: (stream: StreamName) => string
  placeholders: PlanPlaceholders
  maxChunks?: number
}): PlanProposal {
  const {type, requirements, placeholders} = input
  const present = streamsFor(type, input.result, input.text)
  const owns = ownsOf(input.paths, present)
  const hybrid = type === 'hybrid'
  // In hybrid work the agent is one handed-off chunk; its requirements are its sub-tasks.
  const buildStreams = hybrid ? present.filter((s) => s !== 'agent') : present

  const byStream = new Map<StreamName, Map<string, PlannedRequirement[]>>()
  for (const requirement of requirements) {
    const stream = streamOf(requirement.text, present)
    const groups = byStream.get(stream) ?? new Map<string, PlannedRequirement[]>()
    // The overview's own items and the in-scope list are one chunk a stream; a named group is its own.
    const key = requirement.group === null || requirement.group === 'Scope' ? '' : requirement.group
    groups.set(key, [...(groups.get(key) ?? []), requirement])
    byStream.set(stream, groups)
  }

  type Chunk = PlanProposal['phases'][number]['chunks'][number]
  const chunkOf = (stream: StreamName, group: string, items: readonly PlannedRequirement[], part = ''): Chunk => {
    const title = (group || streams[stream].chunk) + part
    const only = items[0]
    const outcome =
      items.length === 1 && only
        ? /:$/.test(only.text.trim())
          ? `${short(only.label)} as the Requirements give it.`
          : sentence(only.text)
        : `${group || streams[stream].phase}: ${items.map((i) => short(i.label, 40)).join(', ')}, as the Requirements state them.`
    return {
      title,
      note: '',
      stream,
      outcome,
      tableOutcome: short(outcome.replace(/, as the Requirements state them\.$/, ''), 80),
      dependsOn: '—',
      skills: input.skills(stream),
      subtasks: items.length > 0 ? items.map((i) => short(i.text.replace(group ? `${group}: ` : '', ''), 100)) : [placeholders.subtask]
    }
  }

  const phases: PlanProposal['phases'] = []
  const maxChunks = input.maxChunks ?? 10
  let chunkCount = 0
  for (const stream of buildStreams) {
    const groups = byStream.get(stream)
    const chunks: Chunk[] = []
    for (const [group, items] of groups ?? []) {
      // At most ten sub-tasks a chunk (`chunk-count`): a larger group is split.
      for (let start = 0; start < items.length; start += 10) {
        const part = items.length > 10 ? ` (part ${start / 10 + 1})` : ''
        chunks.push(chunkOf(stream, group, items.slice(start, start + 10), part))
      }
    }
    if (chunks.length === 0) {
      chunks.push({
        ...chunkOf(stream, '', []),
        title: streams[stream].chunk,
        outcome: placeholders.outcome,
        tableOutcome: placeholders.tableOutcome
      })
    }
    // Past the chunk budget, the rest of a stream folds into its last chunk's sub-tasks.
    const room = Math.max(1, maxChunks - chunkCount - (hybrid ? 1 : 0) - (buildStreams.length - phases.length - 1))
    while (chunks.length > room) {
      const extra = chunks.pop() as Chunk
      const last = chunks[chunks.length - 1] as Chunk
      last.subtasks.push(...extra.subtasks.map((task) => `${extra.title}: ${task}`))
      last.outcome = `${last.outcome.replace(/\.$/, '')}; ${extra.outcome}`
      last.tableOutcome = short(`${last.tableOutcome}; ${extra.tableOutcome}`, 80)
    }
    chunkCount += chunks.length
    const number = phases.length + 1
    for (const chunk of chunks) chunk.dependsOn = number === 1 ? '—' : `Phase ${number - 1}`
    const name = number === 1 ? streams[stream].phase : `${streams[stream].phase} (blocked by Phase ${number - 1})`
    phases.push({number, name, chunks})
  }

  if (hybrid) {
    const agentItems = [...(byStream.get('agent')?.values() ?? [])].flat()
    const number = phases.length + 1
    phases.push({
      number,
      name: `Agent system (blocked by Phase ${number - 1})`,
      chunks: [
        {
          title: 'Agent system',
          note: '(requires agent-spec-builder)',
          stream: 'agent',
          outcome: agentItems.length > 0 ? `${agentItems.map((i) => short(i.label, 60)).join('; ')}.` : placeholders.agentOutcome,
          tableOutcome: agentItems.length > 0 ? short(agentItems.map((i) => i.label).join('; '), 80) : placeholders.agentOutcome,
          dependsOn: `Phase ${number - 1}`,
          skills: input.skills('agent'),
          subtasks: [
            'Write the agent spec with agent-spec-builder from the discovery document',
            ...agentItems.map((i) => short(i.text, 100)),
            `Connect the agent to the endpoints and data built in Phase ${number - 1}`
          ]
        }
      ]
    })
  }

  const workStreams = present.map((name) => ({
    name,
    responsibility: streams[name].responsibility,
    owns: owns.get(name)?.join(', ') || (name === 'agent' ? placeholders.agentOwns : placeholders.owns),
    skills: input.skills(name)
  }))

  // The format's Communication examples: schemas to the API, endpoints to the frontend and the agent.
  const communication: PlanProposal['communication'] = []
  const phaseOf = (stream: StreamName) => phases.find((p) => p.chunks.some((c) => c.stream === stream))?.number
  const handoffs: Array<[StreamName, StreamName, string]> = [
    ['data', 'api', 'Model schemas and field types'],
    ['api', 'frontend', 'Endpoint URLs and response shapes'],
    ['api', 'agent', 'Endpoints, data and events the agent uses'],
    ['data', 'agent', 'Model schemas the agent reads and writes'],
    ['frontend', 'agent', 'Where the agent’s output is shown']
  ]
  for (const [from, to, what] of handoffs) {
    if (!present.includes(from) || !present.includes(to)) continue
    if (to === 'agent' && communication.some((row) => row.to === 'agent')) continue
    const after = phaseOf(from)
    if (after !== undefined) communication.push({from, to, when: `After Phase ${after}`, what})
  }
  if (communication.length === 0 && present.length === 1) {
    communication.push({from: present[0] as string, to: 'all', when: `After Phase ${phases.length}`, what: 'What was built and where it lives, for review'})
  }
  return {workStreams, phases, communication}
}
