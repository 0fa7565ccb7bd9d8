import {z} from 'zod'
import type {Chunk, SpecModel} from '../model/schema.js'
import {buildSchedule, criticalPath, CycleError, readyChunks} from './schedule.js'

/*
 * `spec-lint plan --json`: one task per chunk, the shape a lead (or a task
 * tracker) turns into issues with `blockedBy`. The schema is the contract;
 * the TypeScript types are inferred from it.
 */

export const taskSchema = z.object({
  /** The chunk's key, unique in the spec: its id (`C2`) when written, else a slug of its title. */
  key: z.string(),
  /** The chunk id written before the title (`C2`, `C0.1`), if any. */
  id: z.string().nullable(),
  title: z.string(),
  /** The issue id after the title (`(AUTH-101)`), if any. */
  issueId: z.string().nullable(),
  /** The phase number written in `### Phase N`, null when the heading has none. */
  phase: z.number().int().nullable(),
  /** The phase's position in the document (0-based): the order phases run in. */
  phaseIndex: z.number().int().min(0),
  phaseName: z.string(),
  stream: z.string().nullable(),
  /** The chunk's `Skills:`, else its stream's skills from the Work Streams table. */
  skills: z.array(z.string()),
  /** Checked off (`- [x]`). A chunk without a checkbox counts as not done. */
  checked: z.boolean(),
  /** The `Depends On` references as written (row and details). */
  dependsOn: z.array(z.string()),
  /**
   * Chunk keys this task waits for: written chunk references, written
   * `Phase N` references expanded to that phase's chunks, and the sequential
   * barrier (every chunk of the previous phase that has chunks).
   */
  blockedBy: z.array(z.string()),
  /** All of `blockedBy` are checked and this task is not. */
  ready: z.boolean(),
  outcome: z.string().nullable(),
  subtasks: z.array(z.string()),
  /** The source line of the chunk's checklist item (else its table row). */
  line: z.number().int().min(1)
})

export const planDocumentSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  promise: z.string().nullable(),
  tasks: z.array(taskSchema),
  /** Keys of the ready tasks, in phase order. */
  ready: z.array(z.string()),
  /** Keys of the longest chain of unchecked tasks (empty when the plan has a cycle). */
  criticalPath: z.array(z.string()),
  /** Dependency cycles, `a → b → a`; a task on one is never ready. */
  cycles: z.array(z.string())
})

export type Task = z.infer<typeof taskSchema>
export type PlanDocument = z.infer<typeof planDocumentSchema>

/** The JSON Schema (draft 2020-12) of `spec-lint plan --json`. */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planDocumentSchema, {target: 'draft-2020-12'})
}

function skillsOf(chunk: Chunk, spec: SpecModel): string[] {
  if (chunk.skills && chunk.skills.length > 0) return chunk.skills
  const stream = chunk.stream?.trim().toLowerCase()
  const declared = stream ? spec.plan?.workStreams?.streams.find((s) => s.name.trim().toLowerCase() === stream) : undefined
  return declared?.skills ?? []
}

/** The plan of a spec as tasks, with the ready set, the critical path and any cycles. */
export function planDocument(spec: SpecModel, file: string): PlanDocument {
  const schedule = buildSchedule(spec)
  const ready = readyChunks(schedule.graph)
  const readyKeys = new Set(ready.map((chunk) => chunk.key))
  let path: Chunk[] = []
  try {
    path = criticalPath(schedule.graph)
  } catch (error) {
    if (!(error instanceof CycleError)) throw error
  }
  const phases = spec.plan?.phases ?? []
  const tasks = spec.chunks.map((chunk, node): Task => ({
    key: chunk.key,
    id: chunk.id,
    title: chunk.title,
    issueId: chunk.issueId,
    phase: chunk.phase,
    phaseIndex: chunk.phaseIndex,
    phaseName: phases[chunk.phaseIndex]?.name ?? '',
    stream: chunk.stream,
    skills: skillsOf(chunk, spec),
    checked: chunk.checked === true,
    dependsOn: chunk.dependsOn.filter((ref) => ref.kind !== 'none').map((ref) => ref.text),
    blockedBy: schedule.blockedBy[node] ?? [],
    ready: readyKeys.has(chunk.key),
    outcome: chunk.outcome,
    subtasks: chunk.subtasks,
    line: (chunk.detail?.position ?? chunk.row?.position)?.start.line ?? 1
  }))
  return {
    file,
    title: spec.title?.text ?? null,
    status: spec.meta?.status ?? null,
    promise: spec.promise?.value ?? null,
    tasks,
    ready: ready.map((chunk) => chunk.key),
    criticalPath: path.map((chunk) => chunk.key),
    cycles: schedule.cycles
  }
}
