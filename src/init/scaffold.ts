import {promiseFromTitle} from '../model/vocabulary.js'
import type {DiscoveryDoc} from './discovery.js'
import {emptyDoc, isLabel} from './discovery.js'
import type {ProjectInfo} from './project.js'
import type {WorkType, WorkTypeResult} from './work-type.js'
import {isAgentType} from './work-type.js'

/**
 * A spec to print, shaped like the SpecModel's sections (without positions).
 * Every string is Markdown inline source; bracketed `[…]` texts are the
 * deliberate placeholders a human fills in.
 */
export interface Scaffold {
  title: string
  meta: {type: WorkType; repo: string; status: 'draft'; created: string}
  overview: string[]
  skills: string[]
  requirements: string[]
  /** Null when the type does not need an Architecture section. */
  architecture: string[] | null
  referenceFiles: {fromDiscovery: string[]; fromSpecResearch: string[]}
  plan: {
    workStreams: Array<{name: string; responsibility: string; owns: string; skills: string}>
    phases: Array<{
      number: number
      name: string
      chunks: Array<{
        title: string
        /** Text after the bold title on the checklist line (`(requires agent-spec-builder)`). */
        note: string
        stream: string
        outcome: string
        /** The table's short outcome. */
        tableOutcome: string
        dependsOn: string
        skills: string
        subtasks: string[]
      }>
    }>
    communication: Array<{from: string; to: string; when: string; what: string}>
  }
  acceptance: string[]
  promise: string
  notes: Array<{label: string; items: string[]}>
}

export interface ScaffoldOptions {
  title: string
  workType: WorkTypeResult
  project: ProjectInfo
  created: string
  /** The discovery document's path as the spec should cite it. */
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

export function buildScaffold(doc: DiscoveryDoc | null, options: ScaffoldOptions): Scaffold {
  const type = options.workType.type
  const skills = skillsFor(type, options.workType)
  const buildSkills = skills.filter((s) => s !== 'agent-spec-builder' || isAgentType(type)).join(', ')
  const d = doc ?? emptyDoc()

  const overview = [d.problem[0], d.solution.paragraphs[0], d.context.paragraphs[0]].filter((p): p is string => Boolean(p))

  const solutionRest = d.solution.items.length > 0 ? d.solution.items : d.solution.paragraphs.slice(1).filter((p) => !isLabel(p))
  const requirements = [...solutionRest, ...d.scope.in]

  const decisionSummaries = d.decisions.map((x) => (x.title || x.text).replace(/[.:]\s*$/, ''))
  const architectureItems = [...decisionSummaries, ...d.constraints]
  // The format: Architecture usually/always needed for backend, agent and hybrid work, sometimes for frontend.
  const needsArchitecture = type !== 'frontend' || architectureItems.length > 0

  const hybrid = type === 'hybrid'
  const workStreams: Scaffold['plan']['workStreams'] = [
    {name: placeholders.streamName, responsibility: placeholders.responsibility, owns: placeholders.owns, skills: buildSkills}
  ]
  if (hybrid) {
    workStreams.push({
      name: 'agent',
      responsibility: 'The agent system, specified by agent-spec-builder',
      owns: placeholders.agentOwns,
      skills: agentSkills.join(', ')
    })
  }
  const phases: Scaffold['plan']['phases'] = [
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

  const acceptance = [
    ...(d.successCriteria.length > 0 ? d.successCriteria : [placeholders.criterion]),
    // Unknown commands: a conventional guess (`acceptance-criteria` wants a runnable one) flagged by
    // a text placeholder (`no-placeholders` does not look inside inline code).
    options.project.testCommand ? `All tests pass: \`${options.project.testCommand}\`` : `All tests pass: \`make test\` ${placeholders.testCommand}`,
    options.project.lintCommand ? `Linting clean: \`${options.project.lintCommand}\`` : `Linting clean: \`make lint\` ${placeholders.lintCommand}`
  ]

  const notes: Scaffold['notes'] = []
  if (options.discoveryPath) notes.push({label: '', items: [`Scaffolded from the discovery document \`${options.discoveryPath}\`.`]})
  if (d.decisions.length > 0) {
    notes.push({
      label: 'Key decisions from discovery:',
      items: d.decisions.map((x) => (x.title && !x.text.includes(x.title) ? `**${x.title}:** ${x.text}` : x.text))
    })
  }
  if (d.openQuestions.length > 0) notes.push({label: 'Open questions from discovery:', items: d.openQuestions})
  if (d.scope.out.length > 0) notes.push({label: 'Out of scope:', items: d.scope.out})
  if (d.scope.deferred.length > 0) notes.push({label: 'Deferred:', items: d.scope.deferred})
  if (notes.length === 0) notes.push({label: '', items: [placeholders.notes]})

  return {
    title: options.title,
    meta: {type, repo: options.project.repo, status: 'draft', created: options.created},
    overview: overview.length > 0 ? overview : [placeholders.overview],
    skills,
    requirements: requirements.length > 0 ? requirements : [placeholders.requirement],
    architecture: needsArchitecture ? (architectureItems.length > 0 ? architectureItems : [placeholders.architecture]) : null,
    referenceFiles: {
      // A backticked path, as `reference-files` expects of every entry (and as the fix skeleton writes it).
      fromDiscovery: d.referenceFiles.length > 0 ? d.referenceFiles : [`\`${placeholders.path}\` — ${placeholders.fromDiscovery}`],
      fromSpecResearch: [`\`${placeholders.path}\` — ${placeholders.fromSpecResearch}`]
    },
    plan: {workStreams, phases, communication},
    acceptance,
    promise: promiseFromTitle(options.title),
    notes
  }
}

