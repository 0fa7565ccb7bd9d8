import type {Decision, Discovery, DiscoveryItem} from '../discovery/index.js'
import {emptyDiscovery} from '../discovery/index.js'
import {promiseFromTitle} from '../model/vocabulary.js'
import {proposePlan} from './plan.js'
import type {PlanProposal, StreamName} from './plan.js'
import type {ProjectInfo} from './project.js'
import type {WorkType, WorkTypeResult} from './work-type.js'
import {isAgentType} from './work-type.js'

/** A list entry: inline Markdown, with nested items or a code block under it. */
export interface Entry {
  text: string
  children: string[]
  code: {lang: string | null; value: string} | null
}

/**
 * A spec to print, shaped like the SpecModel's sections (without positions).
 * Every string is Markdown inline source; bracketed `[…]` texts are the
 * deliberate placeholders a human fills in.
 */
export interface Scaffold {
  title: string
  meta: {type: WorkType; repo: string; status: 'draft'; created: string; discovery: string | null}
  overview: string[]
  skills: string[]
  requirements: Entry[]
  /** Labelled groups (`Key decisions:`); null when the type does not need an Architecture section. */
  architecture: Array<{label: string; items: Entry[]}> | null
  referenceFiles: {fromDiscovery: string[]; fromSpecResearch: string[]}
  plan: PlanProposal
  acceptance: string[]
  promise: string
  notes: Array<{label: string; items: string[]}>
}

export interface ScaffoldOptions {
  title: string
  workType: WorkTypeResult
  project: ProjectInfo
  created: string
  /** The discovery document's path relative to the spec's folder (the Meta `Discovery` row). */
  discoveryPath?: string
}

/**
 * Every deliberate placeholder, as `no-placeholders` reports it. Each is text,
 * never inline code: the rule skips code, so `` `[path]` `` always has a text
 * placeholder beside it.
 */
export const placeholders = {
  overview: "[What we're building and why. 2-3 paragraphs max.]",
  requirement: '[Requirement: what needs to be true when this is done]',
  architecture: '[Key decision, pattern or constraint]',
  path: '[path]',
  fromDiscovery: '[file consulted during discovery]',
  fromSpecResearch: '[additional file examined during spec creation]',
  streamName: '[stream-name]',
  responsibility: '[what this stream handles]',
  owns: '[files and folders this stream owns]',
  agentOwns: '[agent files and folders]',
  phaseName: '[Phase name]',
  chunkName: '[chunk-name]',
  tableOutcome: '[what success looks like]',
  outcome: '[success statement]',
  subtask1: '[Sub-task 1]',
  subtask2: '[Sub-task 2]',
  agentOutcome: '[what the agent system delivers]',
  communication: '[what to communicate]',
  agentCommunication: '[endpoints, data and events the agent uses]',
  criterion: '[Criterion 1 - must be verifiable]',
  testCommand: "[replace with this repository's test command]",
  lintCommand: "[replace with this repository's lint command]",
  notes: '[Design decisions made during work, context discovered]'
} as const

const skillsByComponent = {'backend-api': 'backend-api', frontend: 'frontend-nextjs'} as const
const agentSkills = ['agent-spec-builder', 'agent-impl-builder']

/** Skills from the format's "Work Type Variations" table. */
export function skillsFor(type: WorkType, result: WorkTypeResult): string[] {
  if (isAgentType(type)) return agentSkills
  const found = result.evidence.flatMap((e) => (e.component === 'agent' ? [] : [skillsByComponent[e.component]]))
  if (type === 'hybrid') return [...new Set(found.length > 0 ? found : ['backend-api']), 'agent-spec-builder']
  return [...new Set([skillsByComponent[type as 'backend-api' | 'frontend'], ...found])]
}

const entry = (text: string, children: string[] = [], code: Entry['code'] = null): Entry => ({text, children, code})

/** Text compared for "each once": no emphasis, code marks or case. */
function plainKey(text: string): string {
  return text
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** An item as a requirement: its id kept in front, under its group's heading. */
function requirementText(item: DiscoveryItem, heading: string | null): string {
  let text = item.text
  if (item.id && !text.replace(/[*_]/g, '').startsWith(item.id)) text = `${item.id}: ${text}`
  if (heading && !plainKey(text).startsWith(plainKey(heading))) text = `${heading}: ${text}`
  return text
}

/** A decision once, with its rationale: as written when it was a list item. */
export function decisionText(decision: Decision): string {
  if (decision.text !== null) return decision.text
  const title = [decision.id, decision.title].filter(Boolean).join(': ')
  const lead = title ? `**${/[.!?]$/.test(title) ? title : `${title}.`}**` : ''
  const rationale = decision.rationale ? `Rationale: ${decision.rationale}` : ''
  const close = (part: string) => (/[.!?)*`]$/.test(part) ? part : `${part}.`)
  return [lead, ...[decision.body, rationale].filter(Boolean).map(close)].filter(Boolean).join(' ')
}

function itemEntry(item: DiscoveryItem): Entry {
  return entry(item.text, item.children, item.code)
}

/** Home folders become `~`; an absolute path inside the repository becomes relative to it. */
export function repoRelative(file: string, repoRoot: string | null): string {
  let p = file.trim()
  if (repoRoot) {
    const root = repoRoot.replace(/\/+$/, '')
    if (p === root) return './'
    if (p.startsWith(`${root}/`)) return p.slice(root.length + 1)
  }
  const home = /^(?:\/Users\/[^/]+|\/home\/[^/]+|[A-Za-z]:[\\/]Users[\\/][^\\/]+)(?=[\\/]|$)/.exec(p)
  if (home) return `~${p.slice(home[0].length)}`
  if (p.startsWith('/')) p = p.replace(/^\/+/, '')
  return p
}

export function buildScaffold(doc: Discovery | null, options: ScaffoldOptions & {repoRoot?: string | null}): Scaffold {
  const type = options.workType.type
  const skills = skillsFor(type, options.workType)
  const buildSkills = skills.filter((s) => s !== 'agent-spec-builder' || isAgentType(type)).join(', ')
  const d = doc ?? emptyDiscovery()

  const overview = [d.problem[0], d.solution[0], d.context.paragraphs[0]].filter((p): p is string => Boolean(p))

  // Requirements: the solution's other paragraphs, then every group in document order, each once.
  const seen = new Set<string>()
  const requirements: Entry[] = []
  const planned: Array<{text: string; label: string; group: string | null}> = []
  const addRequirement = (text: string, label: string, group: string | null, source: Entry) => {
    const key = plainKey(text)
    if (key === '' || seen.has(key)) return
    seen.add(key)
    requirements.push({...source, text})
    planned.push({text, label, group})
  }
  for (const paragraph of d.solution.slice(1)) addRequirement(paragraph, paragraph, null, entry(paragraph))
  for (const group of d.requirements) {
    for (const item of group.items) addRequirement(requirementText(item, group.heading), item.label, group.heading, itemEntry(item))
  }
  for (const item of d.scope.in) addRequirement(requirementText(item, null), item.label, 'Scope', itemEntry(item))

  const architecture: Array<{label: string; items: Entry[]}> = []
  const groupOf = (label: string, items: Entry[]) => {
    if (items.length > 0) architecture.push({label, items})
  }
  groupOf(
    'Key decisions:',
    d.decisions.map((x) => entry(decisionText(x)))
  )
  groupOf('Constraints:', d.constraints.map(itemEntry))
  groupOf('Risks:', d.risks.map(itemEntry))
  groupOf('Context:', [...d.context.paragraphs.slice(1).map((p) => entry(p)), ...d.context.items.map(itemEntry)])
  // The format: Architecture usually/always needed for backend, agent and hybrid work, sometimes for frontend.
  const needsArchitecture = type !== 'frontend' || architecture.length > 0
  if (needsArchitecture && architecture.length === 0) architecture.push({label: '', items: [entry(placeholders.architecture)]})

  const references: string[] = []
  const paths: string[] = []
  for (const ref of d.references) {
    const file = repoRelative(ref.path, options.repoRoot ?? null)
    if (paths.includes(file)) continue
    paths.push(file)
    references.push(`\`${file}\`${ref.description ? ` — ${ref.description}` : ''}`)
  }
  const codebasePaths = [...paths, ...d.context.items.flatMap((item) => [...item.text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string))]
  // Code a stream could own: in the repository, not documentation.
  const ownable = codebasePaths.filter(
    (p) => /[/.]/.test(p) && !/^(?:\.\.\/|~|\/)/.test(p) && !/\s/.test(p) && !/[(){}=<>*]/.test(p) && !/^docs?\/|\.(?:md|txt|pdf)$/i.test(p)
  )

  const skillOf = (stream: StreamName) =>
    stream === 'agent'
      ? agentSkills.join(', ')
      : stream === 'frontend'
        ? skills.includes('frontend-nextjs')
          ? 'frontend-nextjs'
          : buildSkills
        : skills.includes('backend-api')
          ? 'backend-api'
          : buildSkills
  const plan = proposePlan({
    type,
    result: options.workType,
    requirements: planned,
    paths: ownable,
    text: d.prose,
    skills: skillOf,
    placeholders: {
      owns: placeholders.owns,
      agentOwns: placeholders.agentOwns,
      outcome: placeholders.outcome,
      tableOutcome: placeholders.tableOutcome,
      subtask: placeholders.subtask1,
      agentOutcome: placeholders.agentOutcome,
      chunkName: placeholders.chunkName
    }
  })

  const criteria = d.success.map((item) => (item.children.length > 0 ? `${item.text.replace(/:?$/, ':')} ${item.children.join(', ')}` : item.text))
  const acceptance = [
    ...(criteria.length > 0 ? criteria : [placeholders.criterion]),
    // Unknown commands: a conventional guess (`acceptance-criteria` wants a runnable one) flagged by
    // a text placeholder (`no-placeholders` does not look inside inline code).
    options.project.testCommand ? `All tests pass: \`${options.project.testCommand}\`` : `All tests pass: \`make test\` ${placeholders.testCommand}`,
    options.project.lintCommand ? `Linting clean: \`${options.project.lintCommand}\`` : `Linting clean: \`make lint\` ${placeholders.lintCommand}`
  ]

  // Notes: what future readers should know that no other section holds.
  const notes: Scaffold['notes'] = []
  const open = d.questions.filter((q) => !q.resolved)
  const resolved = d.questions.filter((q) => q.resolved)
  if (open.length > 0) notes.push({label: 'Open questions from discovery:', items: open.map((q) => q.text)})
  if (resolved.length > 0) notes.push({label: 'Resolved during discovery:', items: resolved.map((q) => q.text)})
  if (d.scope.out.length > 0) notes.push({label: 'Out of scope:', items: d.scope.out.map((i) => i.text)})
  if (d.scope.deferred.length > 0) notes.push({label: 'Deferred:', items: d.scope.deferred.map((i) => i.text)})
  if (d.otherSources.length > 0) notes.push({label: 'Other sources consulted during discovery:', items: d.otherSources.map((i) => i.text)})
  if (d.uncarried.length > 0) {
    notes.push({
      label: '',
      items: [
        `Not carried over from the discovery document (narrative, diagrams and examples stay there): ${d.uncarried.map((h) => `\`${h.replace(/`/g, "'")}\``).join(', ')}.`
      ]
    })
  }
  if (notes.length === 0) notes.push({label: '', items: [placeholders.notes]})

  return {
    title: options.title,
    meta: {type, repo: options.project.repo, status: 'draft', created: options.created, discovery: options.discoveryPath ?? null},
    overview: overview.length > 0 ? overview : [placeholders.overview],
    skills,
    requirements: requirements.length > 0 ? requirements : [entry(placeholders.requirement)],
    architecture: needsArchitecture ? architecture : null,
    referenceFiles: {
      // A backticked path, as `reference-files` expects of every entry (and as the fix skeleton writes it).
      fromDiscovery: references.length > 0 ? references : [`\`${placeholders.path}\` — ${placeholders.fromDiscovery}`],
      fromSpecResearch: [`\`${placeholders.path}\` — ${placeholders.fromSpecResearch}`]
    },
    plan: doc ? plan : blankPlan(type, buildSkills),
    acceptance,
    promise: promiseFromTitle(options.title),
    notes
  }
}

/** The template's own skeleton, for a title without a discovery document. */
function blankPlan(type: WorkType, buildSkills: string): PlanProposal {
  const hybrid = type === 'hybrid'
  const workStreams: PlanProposal['workStreams'] = [
    {name: placeholders.streamName, responsibility: placeholders.responsibility, owns: placeholders.owns, skills: buildSkills}
  ]
  if (hybrid)
    workStreams.push({
      name: 'agent',
      responsibility: 'The agent system, specified by agent-spec-builder',
      owns: placeholders.agentOwns,
      skills: agentSkills.join(', ')
    })
  const phases: PlanProposal['phases'] = [
    {
      number: 1,
      name: placeholders.phaseName,
      chunks: [
        {
          title: placeholders.chunkName,
          note: '',
          stream: placeholders.streamName,
          outcome: placeholders.outcome,
          tableOutcome: placeholders.tableOutcome,
          dependsOn: '—',
          skills: buildSkills,
          subtasks: [placeholders.subtask1, placeholders.subtask2]
        }
      ]
    }
  ]
  if (hybrid) {
    // The format's Hybrid Specifics: non-agent components first, the agent after them, handed off.
    phases.push({
      number: 2,
      name: 'Agent system (blocked by Phase 1)',
      chunks: [
        {
          title: 'Agent system',
          note: '(requires agent-spec-builder)',
          stream: 'agent',
          outcome: placeholders.agentOutcome,
          tableOutcome: placeholders.agentOutcome,
          dependsOn: 'Phase 1',
          skills: agentSkills.join(', '),
          subtasks: ['Write the agent spec with agent-spec-builder from the discovery document', 'Connect the agent to the endpoints and data built in Phase 1']
        }
      ]
    })
  }
  const communication = hybrid
    ? [{from: placeholders.streamName, to: 'agent', when: 'After Phase 1', what: placeholders.agentCommunication}]
    : [{from: placeholders.streamName, to: 'all', when: 'After Phase 1', what: placeholders.communication}]
  return {workStreams, phases, communication}
}
