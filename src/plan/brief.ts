import {z} from 'zod'
import {declaredStreams} from '../model/plan-queries.js'
import type {Chunk, SpecModel, Stream} from '../model/schema.js'
import {buildSchedule, readyChunks} from './schedule.js'

/*
 * `spec-lint next`: the ready chunks, each as the brief an executing agent
 * needs in one block. The schema is the contract of `next --json`; the
 * types are inferred from it.
 */

export const briefSchema = z.object({
  key: z.string(),
  id: z.string().nullable(),
  title: z.string(),
  issueId: z.string().nullable(),
  phase: z.number().int().nullable(),
  phaseName: z.string(),
  outcome: z.string().nullable(),
  stream: z
    .object({
      name: z.string(),
      responsibility: z.string().nullable(),
      /** The stream's Owns paths from the Work Streams table. */
      owns: z.array(z.string())
    })
    .nullable(),
  /** Spec skills, then the stream's, then the chunk's, each once. */
  skills: z.array(z.string()),
  subtasks: z.array(z.string()),
  referenceFiles: z.array(z.object({path: z.string().nullable(), description: z.string()})),
  /** Communication rows from or to the chunk's stream. */
  communication: z.array(z.object({from: z.string(), to: z.string(), when: z.string(), what: z.string()})),
  /** The acceptance criteria, when this is the last open chunk (else empty). */
  acceptanceCriteria: z.array(z.object({text: z.string(), checked: z.boolean().nullable(), commands: z.array(z.string())})),
  /** The completion promise, when this is the last open chunk. */
  promise: z.string().nullable(),
  /** The source line of the chunk's checklist item (else its table row). */
  line: z.number().int().min(1)
})

export const nextDocumentSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  /** Unchecked chunks left in the whole plan. */
  remaining: z.number().int().min(0),
  ready: z.array(briefSchema)
})

export type Brief = z.infer<typeof briefSchema>
export type NextDocument = z.infer<typeof nextDocumentSchema>

export function nextJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(nextDocumentSchema, {target: 'draft-2020-12'})
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    const key = value.trim().toLowerCase()
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function brief(spec: SpecModel, chunk: Chunk, last: boolean): Brief {
  const stream: Stream | undefined = chunk.stream ? declaredStreams(spec).find((s) => same(s.name, chunk.stream)) : undefined
  const mentions = (cell: string) =>
    chunk.stream !== null && cell.split(/\s*(?:,|&|\+|\band\b|→|->)\s*/i).some((part) => same(part.replace(/[`*_]/g, ''), chunk.stream))
  return {
    key: chunk.key,
    id: chunk.id,
    title: chunk.title,
    issueId: chunk.issueId,
    phase: chunk.phase,
    phaseName: spec.plan?.phases[chunk.phaseIndex]?.name ?? '',
    outcome: chunk.outcome,
    stream: chunk.stream
      ? {name: stream?.name ?? chunk.stream, responsibility: stream?.responsibility || null, owns: stream?.owns.map((o) => o.pattern) ?? []}
      : null,
    skills: unique([...spec.skills.map((s) => s.name), ...(stream?.skills ?? []), ...(chunk.skills ?? [])]),
    subtasks: chunk.subtasks,
    referenceFiles: spec.referenceFiles.flatMap((group) => group.entries.map((entry) => ({path: entry.path, description: entry.description}))),
    communication: (spec.plan?.communication?.rows ?? [])
      .filter((row) => mentions(row.from) || mentions(row.to))
      .map(({from, to, when, what}) => ({from, to, when, what})),
    acceptanceCriteria: last ? (spec.acceptance?.criteria ?? []).map(({text, checked, commands}) => ({text, checked, commands})) : [],
    promise: last ? (spec.promise?.value ?? null) : null,
    line: (chunk.detail?.position ?? chunk.row?.position)?.start.line ?? 1
  }
}

export function nextDocument(spec: SpecModel, file: string, options: {stream?: string} = {}): NextDocument {
  const open = spec.chunks.filter((chunk) => chunk.checked !== true)
  const ready = readyChunks(buildSchedule(spec).graph).filter((chunk) => options.stream === undefined || same(chunk.stream, options.stream))
  return {
    file,
    title: spec.title?.text ?? null,
    status: spec.meta?.status ?? null,
    remaining: open.length,
    ready: ready.map((chunk) => brief(spec, chunk, open.length === 1))
  }
}

const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n')

/** One chunk's brief as Markdown, the block a loop's prompt pastes. */
export function renderBrief(b: Brief): string {
  const name = `${b.id && !b.title.startsWith(b.id) ? `${b.id} ` : ''}${b.title}${b.issueId ? ` (${b.issueId})` : ''}`
  const parts = [
    `## Next: ${name}`,
    `Chunk \`${b.key}\`${b.phase !== null || b.phaseName ? `, ${b.phaseName ? `phase ${b.phase ?? '?'}: ${b.phaseName}` : `phase ${b.phase}`}` : ''} (line ${b.line})`
  ]
  if (b.outcome) parts.push(`**Outcome:** ${b.outcome}`)
  if (b.stream) {
    const owns = b.stream.owns.length > 0 ? `; owns ${b.stream.owns.map((o) => `\`${o}\``).join(', ')}` : ''
    parts.push(`**Stream:** ${b.stream.name}${b.stream.responsibility ? ` (${b.stream.responsibility})` : ''}${owns}`)
  }
  if (b.skills.length > 0) parts.push(`**Skills:** ${b.skills.join(', ')}`)
  if (b.subtasks.length > 0) parts.push(`**Tasks:**\n\n${list(b.subtasks)}`)
  if (b.referenceFiles.length > 0)
    parts.push(
      `**Reference files:**\n\n${list(b.referenceFiles.map((r) => (r.path ? `\`${r.path}\`${r.description ? ` — ${r.description}` : ''}` : r.description)))}`
    )
  if (b.communication.length > 0)
    parts.push(`**Communication:**\n\n${list(b.communication.map((c) => `${c.from} → ${c.to}${c.when ? ` (${c.when})` : ''}: ${c.what}`))}`)
  if (b.acceptanceCriteria.length > 0)
    parts.push(`**Acceptance criteria (this is the last chunk):**\n\n${b.acceptanceCriteria.map((c) => `- [${c.checked ? 'x' : ' '}] ${c.text}`).join('\n')}`)
  if (b.promise) parts.push(`When every criterion holds, output \`<promise>${b.promise}</promise>\`.`)
  return parts.join('\n\n') + '\n'
}

export function renderNext(doc: NextDocument): string {
  if (doc.ready.length === 0) {
    return doc.remaining === 0
      ? 'Every chunk is checked: nothing left to do.\n'
      : `No chunk is ready: ${doc.remaining} unchecked, each waiting on an unchecked dependency (or a cycle).\n`
  }
  return doc.ready.map(renderBrief).join('\n')
}
