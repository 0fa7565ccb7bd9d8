import {z} from 'zod'
import type {SpecModel} from '../model/schema.js'
import {planDocument} from './tasks.js'
import type {Task} from './tasks.js'

/*
 * `spec-lint plan --linear`: the Linear issues a plan makes, one per chunk,
 * as `linear push` creates them. The chunk key is kept so the created ids
 * are written back to the right chunk.
 */

export const linearIssueSchema = z.object({
  /** The chunk key, for writing the created issue id back (`spec-lint link`). */
  key: z.string(),
  title: z.string(),
  /** Markdown: outcome, tasks, skills, stream, and where it comes from. */
  description: z.string(),
  /** `stream:<name>` and `phase:<number>`. */
  labels: z.array(z.string()),
  /** Chunk keys this issue is blocked by (written dependencies and the previous phase). */
  blockedBy: z.array(z.string()),
  /** The issue id already written after the chunk's title, if any: such a chunk is not created again. */
  issueId: z.string().nullable(),
  checked: z.boolean()
})

export const linearDocumentSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  issues: z.array(linearIssueSchema)
})

export type LinearIssue = z.infer<typeof linearIssueSchema>
export type LinearDocument = z.infer<typeof linearDocumentSchema>

export function linearJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(linearDocumentSchema, {target: 'draft-2020-12'})
}

function description(task: Task, file: string, specTitle: string | null): string {
  const parts: string[] = []
  if (task.outcome) parts.push(`**Outcome:** ${task.outcome}`)
  if (task.subtasks.length > 0) parts.push(`## Tasks\n\n${task.subtasks.map((s) => `- [ ] ${s}`).join('\n')}`)
  const facts = [task.stream ? `**Stream:** ${task.stream}` : '', task.skills.length > 0 ? `**Skills:** ${task.skills.join(', ')}` : ''].filter(Boolean)
  if (facts.length > 0) parts.push(facts.join('\n'))
  parts.push(
    `From \`${file}\`${specTitle ? ` (${specTitle})` : ''}, chunk \`${task.key}\`${task.phaseName ? `, phase ${task.phase ?? task.phaseIndex + 1}: ${task.phaseName}` : ''}.`
  )
  return parts.join('\n\n')
}

export function linearDocument(spec: SpecModel, file: string): LinearDocument {
  const plan = planDocument(spec, file)
  return {
    file,
    title: plan.title,
    issues: plan.tasks.map((task) => ({
      key: task.key,
      title: task.id && !task.title.startsWith(task.id) ? `${task.id} ${task.title}` : task.title,
      description: description(task, file, plan.title),
      labels: [...(task.stream ? [`stream:${task.stream}`] : []), ...(task.phase !== null ? [`phase:${task.phase}`] : [])],
      blockedBy: task.blockedBy,
      issueId: task.issueId,
      checked: task.checked
    }))
  }
}
