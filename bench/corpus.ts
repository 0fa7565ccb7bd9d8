/**
 * Deterministic corpus of generated specs for `npm run bench`: the same seed
 * gives the same bytes on every machine, so runs compare like for like.
 * Specs follow the general-spec-builder template (meta table, overview,
 * skills, requirements, reference files, work streams, phases with chunk
 * tables and checklist details, communication, acceptance criteria, promise)
 * with varied shapes: sizes from 3 to 60 KB, optional sections, code blocks,
 * `<details>` blocks, nested sub-tasks, and a few realistic mistakes.
 */
import fs from 'node:fs'
import path from 'node:path'

export type Rng = () => number

/** mulberry32: tiny, fast and good enough to pick words. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const types = ['backend-api', 'frontend', 'agent-langgraph', 'agent-dspy', 'hybrid'] as const
const statuses = ['draft', 'in-progress', 'complete'] as const
const nouns = [
  'invoice',
  'export',
  'session',
  'token',
  'account',
  'report',
  'carousel',
  'draft',
  'queue',
  'worker',
  'webhook',
  'schedule',
  'payment',
  'refund',
  'ledger',
  'profile',
  'search',
  'index',
  'cache',
  'upload',
  'thumbnail',
  'audit',
  'permission',
  'role',
  'tenant',
  'billing',
  'notification',
  'digest',
  'template',
  'prompt',
  'agent',
  'planner',
  'retriever',
  'embedding',
  'dashboard',
  'chart',
  'filter',
  'timeline',
  'comment',
  'attachment',
  'migration'
]
const verbs = [
  'create',
  'read',
  'update',
  'delete',
  'export',
  'import',
  'validate',
  'schedule',
  'retry',
  'stream',
  'render',
  'index',
  'sign',
  'verify',
  'refresh',
  'archive',
  'notify',
  'summarise',
  'rank',
  'filter',
  'paginate',
  'cache'
]
const adjectives = [
  'signed',
  'paginated',
  'idempotent',
  'background',
  'versioned',
  'cached',
  'streaming',
  'typed',
  'audited',
  'scoped',
  'expiring',
  'incremental',
  'batched',
  'retryable',
  'tenant-aware',
  'accessible',
  'responsive'
]
const fillers = [
  'the existing patterns',
  'the current service layer',
  'the shared helpers',
  'the admin console',
  'the public API',
  'the worker pool',
  'object storage',
  'the staging environment',
  'the design system',
  'the job queue',
  'the monthly close',
  'the on-call runbook',
  'the feature flag',
  'the nightly batch',
  'the read replica'
]
const skillsBank = [
  'backend-api',
  'background-jobs',
  'frontend-react',
  'design-system',
  'agent-langgraph',
  'agent-dspy',
  'prompt-engineering',
  'postgres',
  'testing',
  'observability',
  'security-review',
  'data-migrations'
]
const langs = ['ts', 'python', 'json', 'sql', 'bash', '']

interface Gen {
  rng: Rng
  pick<T>(list: readonly T[]): T
  int(min: number, max: number): number
  chance(p: number): boolean
}

function gen(rng: Rng): Gen {
  return {
    rng,
    pick: (list) => list[Math.floor(rng() * list.length)] as (typeof list)[number],
    int: (min, max) => min + Math.floor(rng() * (max - min + 1)),
    chance: (p) => rng() < p
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function sentence(g: Gen): string {
  const forms = [
    () => `${cap(g.pick(verbs))} ${g.pick(adjectives)} ${g.pick(nouns)}s through ${g.pick(fillers)}`,
    () => `The ${g.pick(nouns)} ${g.pick(nouns)} must stay ${g.pick(adjectives)} when ${g.pick(fillers)} is busy`,
    () => `Clients ${g.pick(verbs)} ${g.pick(nouns)}s and poll for the ${g.pick(adjectives)} result`,
    () => `Follow ${g.pick(fillers)} for ${g.pick(nouns)} handling and keep \`${g.pick(nouns)}_${g.pick(nouns)}\` ${g.pick(adjectives)}`,
    () => `An ${g.pick(nouns)} of ${g.int(2, 500) * 100} ${g.pick(nouns)}s finishes within ${g.int(1, 15)} minutes`
  ]
  return g.pick(forms)()
}

function paragraph(g: Gen, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(sentence(g) + '.')
  // Wrap near 90 columns like hand-written specs.
  const words = out.join(' ').split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line && line.length + word.length > 88) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

function title(g: Gen): string {
  return `${cap(g.pick(adjectives))} ${cap(g.pick(nouns))} ${cap(g.pick(nouns))} ${g.pick(['API', 'Service', 'Pipeline', 'Agent', 'Dashboard', 'Flow'])}`
}

function snake(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

function codeBlock(g: Gen): string {
  const lang = g.pick(langs)
  const lines: string[] = []
  for (let i = g.int(3, 14); i > 0; i--) lines.push(`${g.pick(verbs)}_${g.pick(nouns)}(${g.pick(nouns)}, ${g.int(1, 99)})`)
  return '```' + lang + '\n' + lines.join('\n') + '\n```'
}

interface Stream {
  name: string
  skills: string[]
}

function chunkTitle(g: Gen, used: Set<string>): string {
  for (;;) {
    const name = `${cap(g.pick(nouns))} ${g.pick(nouns)} ${g.pick(['model', 'endpoint', 'worker', 'view', 'tests', 'node', 'client', 'migration', 'prompt'])}`
    if (!used.has(name)) {
      used.add(name)
      return name
    }
    used.add(name)
    const numbered = `${name} ${used.size}`
    used.add(numbered)
    return numbered
  }
}

interface PhaseOptions {
  index: number
  streams: Stream[]
  used: Set<string>
  prefix: string
  issue: number
  previous: string[]
  /** Fewer chunks and sub-tasks, no code or `<details>` (the huge spec). */
  compact?: boolean
}

/** One `### Phase N` group: chunk table, then checklist details. Returns the chunk titles. */
function phase(g: Gen, out: string[], options: PhaseOptions): string[] {
  const {index, streams, used, prefix, previous} = options
  const compact = options.compact === true
  const count = compact ? g.int(1, 2) : g.int(1, 4)
  const parallel = count > 1 ? ' (parallel' + (index > 1 ? `, blocked by Phase ${index - 1})` : ')') : index > 1 ? ` (blocked by Phase ${index - 1})` : ''
  out.push(`### Phase ${index}: ${cap(g.pick(nouns))} ${g.pick(['foundation', 'endpoints', 'worker', 'views', 'rollout', 'hardening'])}${parallel}`, '')
  out.push('| Chunk | Stream | Outcome | Depends On |', '|-------|--------|---------|------------|')
  const chunks: Array<{title: string; stream: Stream; depends: string}> = []
  for (let i = 0; i < count; i++) {
    const t = chunkTitle(g, used)
    const stream = g.pick(streams)
    let depends = '—'
    if (index > 1) depends = g.chance(0.7) || previous.length === 0 ? `Phase ${index - 1}` : `Phase ${index - 1} + ${g.pick(previous)}`
    chunks.push({title: t, stream, depends})
    out.push(`| ${t} | ${stream.name} | ${sentence(g)} | ${depends} |`)
  }
  out.push('')
  if (g.chance(0.3)) out.push('**Details:**', '')
  for (const chunk of chunks) {
    const done = g.chance(0.3) ? 'x' : ' '
    const id = g.chance(0.6) ? ` (${prefix}-${options.issue++})` : ''
    out.push(`- [${done}] **${chunk.title}**${id}`, '')
    out.push(`  Outcome: ${sentence(g)}.`)
    out.push(`  Stream: ${chunk.stream.name}`)
    if (!compact) out.push(`  Skills: ${chunk.stream.skills.join(', ')}`)
    out.push('')
    for (let s = compact ? 1 : g.int(2, 6); s > 0; s--) {
      out.push(`  - ${sentence(g)}`)
      if (g.chance(0.15)) out.push(`    - ${sentence(g)}`)
    }
    if (!compact && g.chance(0.12)) out.push('', '  ' + codeBlock(g).split('\n').join('\n  '))
    out.push('')
  }
  if (!compact && g.chance(0.1)) {
    out.push('<details>', `<summary>${cap(g.pick(nouns))} notes</summary>`, '', paragraph(g, g.int(2, 5)), '', '</details>', '')
  }
  return chunks.map((c) => c.title)
}

/** One spec of roughly `target` bytes (at least the fixed sections). */
export function generateSpec(seed: number, target: number): string {
  const g = gen(mulberry32(seed))
  const name = title(g)
  const type = g.pick(types)
  const prefix = g.pick(['BIL', 'AUTH', 'WEB', 'AGT', 'OPS', 'DATA'])
  const out: string[] = [`# ${name}`, '', '## Meta', '', '| Field | Value |', '|-------|-------|']
  out.push(`| Type | ${type} |`, `| Repo | ${g.pick(nouns)}-${g.pick(['service', 'web', 'agents', 'api'])} |`)
  // A few realistic mistakes so the linters have messages to report.
  out.push(`| Status | ${g.chance(0.05) ? 'In Progress' : g.pick(statuses)} |`)
  out.push(`| Created | 2026-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')} |`, '')
  out.push('## Overview', '', paragraph(g, g.int(2, 5)), '', paragraph(g, g.int(1, 4)), '')
  if (!g.chance(0.03)) {
    out.push('## Skills', '', 'Load these skills before starting:')
    for (let i = g.int(1, 4); i > 0; i--) out.push(`- ${g.pick(skillsBank)}`)
    out.push('')
  }
  out.push('## Requirements', '')
  const numbered = g.chance(0.3)
  for (let i = 1, n = g.int(3, 12); i <= n; i++) out.push(numbered ? `- **R${i}:** ${sentence(g)}` : `- ${sentence(g)}`)
  out.push('')
  if (g.chance(0.7)) {
    out.push('## Architecture', '')
    for (let i = g.int(2, 6); i > 0; i--) out.push(`- ${sentence(g)}`)
    if (g.chance(0.3)) out.push('', codeBlock(g))
    out.push('')
  }
  out.push('## Reference Files', '', '<!-- Files consulted during discovery and spec creation. -->', '', '**From Discovery:**')
  for (let i = g.int(1, 5); i > 0; i--) out.push(`- \`src/${g.pick(nouns)}/${g.pick(nouns)}.${g.pick(['py', 'ts', 'tsx'])}\` — ${sentence(g)}`)
  out.push('', '**From Spec Research:**')
  for (let i = g.int(1, 4); i > 0; i--) out.push(`- \`tests/${g.pick(nouns)}/\` — ${sentence(g)}`)
  out.push('', '## Execution Plan', '')
  const streams: Stream[] = []
  for (let i = g.int(1, 4); i > 0; i--) {
    streams.push({name: `${g.pick(nouns)}-${streams.length + 1}`, skills: [g.pick(skillsBank), g.pick(skillsBank)].filter((s, k, all) => all.indexOf(s) === k)})
  }
  out.push('### Work Streams', '', '| Stream | Responsibility | Owns | Skills |', '|--------|---------------|------|--------|')
  for (const stream of streams) {
    out.push(`| ${stream.name} | ${sentence(g)} | src/${stream.name}/, tests/${stream.name}/ | ${stream.skills.join(', ')} |`)
  }
  out.push('')

  // Tail sections, written after the phases; their size counts towards the target.
  const tail: string[] = ['### Communication', '', '| From | To | When | What |', '|------|----|------|------|']
  for (let i = g.int(1, 3); i > 0; i--) tail.push(`| ${g.pick(streams).name} | ${g.pick(streams).name} | After Phase 1 | ${sentence(g)} |`)
  tail.push('', '## Acceptance Criteria', '', '<!-- For the WHOLE spec, not individual chunks -->', '')
  for (let i = g.int(3, 9); i > 0; i--) tail.push(`- [ ] ${sentence(g)}`)
  tail.push('- [ ] All tests pass: `npm test`', '- [ ] Linting clean: `npm run lint`', '')
  tail.push('## Completion Promise', '', `<promise>${snake(name)}_${seed}_COMPLETE</promise>`, '')
  if (g.chance(0.6)) tail.push('## Notes', '', `- ${sentence(g)}.`, `- ${sentence(g)}.`, '')

  const used = new Set<string>()
  let previous: string[] = []
  let size = out.join('\n').length + tail.join('\n').length
  const issue = g.int(100, 900)
  for (let index = 1; index === 1 || size < target; index++) {
    const before = out.length
    previous = phase(g, out, {index, streams, used, prefix, issue: issue + index * 10, previous})
    for (let i = before; i < out.length; i++) size += (out[i] as string).length + 1
  }
  return [...out, ...tail].join('\n')
}

/** One huge spec with exactly `phases` phases (several MB at 10,000). */
export function generateHuge(seed: number, phases: number): string {
  const g = gen(mulberry32(seed))
  const streams: Stream[] = [
    {name: 'core', skills: ['backend-api']},
    {name: 'web', skills: ['frontend-react']},
    {name: 'jobs', skills: ['background-jobs']}
  ]
  const out: string[] = ['# Huge Migration Programme', '', '## Meta', '', '| Field | Value |', '|-------|-------|']
  out.push('| Type | backend-api |', '| Repo | platform |', '| Status | in-progress |', '| Created | 2026-01-05 |', '')
  out.push('## Overview', '', paragraph(g, 4), '', '## Skills', '', '- backend-api', '- frontend-react', '')
  out.push('## Requirements', '', `- ${sentence(g)}`, `- ${sentence(g)}`, '', '## Reference Files', '', '**From Discovery:**')
  out.push('- `src/core/` — Core modules', '', '## Execution Plan', '', '### Work Streams', '')
  out.push('| Stream | Responsibility | Owns | Skills |', '|--------|---------------|------|--------|')
  for (const s of streams) out.push(`| ${s.name} | ${sentence(g)} | src/${s.name}/ | ${s.skills.join(', ')} |`)
  out.push('')
  const used = new Set<string>()
  let previous: string[] = []
  for (let index = 1; index <= phases; index++) {
    previous = phase(g, out, {index, streams, used, prefix: 'MIG', issue: index * 10, previous, compact: true})
  }
  out.push('## Acceptance Criteria', '', '- [ ] All tests pass: `npm test`', '', '## Completion Promise', '')
  out.push('<promise>HUGE_MIGRATION_PROGRAMME_COMPLETE</promise>', '')
  return out.join('\n')
}

export interface CorpusOptions {
  /** Number of regular specs. */
  n: number
  /** Phases in the huge spec (0: none). */
  k: number
  seed: number
  /** Smallest and largest target size in bytes. */
  min?: number
  max?: number
}

export interface Corpus {
  dir: string
  specs: string[]
  huge: string[]
  bytes: number
}

/** Target sizes: log-uniform between min and max, so most specs are small and some large. */
export function sizeFor(seed: number, index: number, min = 3_000, max = 60_000): number {
  const r = mulberry32(seed * 100_003 + index)()
  return Math.round(min * Math.pow(max / min, r))
}

/**
 * Write the corpus under `dir` (`specs/` and `huge/`), reusing it when a
 * stamp file says it was written with the same options.
 */
export function writeCorpus(dir: string, options: CorpusOptions): Corpus {
  const stamp = JSON.stringify({v: 1, ...options})
  const stampFile = path.join(dir, 'stamp.json')
  const specsDir = path.join(dir, 'specs')
  const hugeDir = path.join(dir, 'huge')
  const names = Array.from({length: options.n}, (_, i) => path.join(specsDir, `spec-${String(i).padStart(5, '0')}.md`))
  const huge = options.k > 0 ? [path.join(hugeDir, `huge-${options.k}.md`), path.join(hugeDir, `huge-${options.k * 2}.md`)] : []
  const fresh = fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp
  if (!fresh) {
    fs.rmSync(dir, {recursive: true, force: true})
    fs.mkdirSync(specsDir, {recursive: true})
    fs.mkdirSync(hugeDir, {recursive: true})
    names.forEach((name, i) => fs.writeFileSync(name, generateSpec(options.seed + i, sizeFor(options.seed, i, options.min, options.max))))
    if (options.k > 0) {
      fs.writeFileSync(huge[0] as string, generateHuge(options.seed, options.k))
      fs.writeFileSync(huge[1] as string, generateHuge(options.seed, options.k * 2))
    }
    fs.writeFileSync(stampFile, stamp)
  }
  const bytes = names.reduce((sum, name) => sum + fs.statSync(name).size, 0)
  return {dir, specs: names, huge, bytes}
}
