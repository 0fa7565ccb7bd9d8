import {z} from 'zod'
import {sectionNames} from './vocabulary.js'

/*
 * The spec model's JSON form. This schema is the single source of truth:
 * the TypeScript types are inferred from it and the JSON Schema is generated
 * from it. Every key that holds a source range is named `position` or ends in
 * `Position`, so that `stripPositions` can compare models across edits.
 */

export const pointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0)
})

export const positionSchema = z.object({start: pointSchema, end: pointSchema})

export {sectionNames, extraSectionNames} from './vocabulary.js'

export const sectionNameSchema = z.enum(sectionNames)

export const headingSchema = z.object({
  text: z.string(),
  position: positionSchema
})

export const sectionSchema = z.object({
  title: z.string(),
  /** The template section this heading is, or null for an unknown section. */
  canonical: sectionNameSchema.nullable(),
  /** A known extra section (`Out of Scope`, `Work Breakdown`, …), else null. */
  extra: z.string().nullable(),
  headingPosition: positionSchema,
  /** From the heading to the end of the section's last node. */
  position: positionSchema,
  /** Whether anything but HTML comments follows the heading. */
  empty: z.boolean()
})

export const textItemSchema = z.object({text: z.string(), position: positionSchema})

export const metaRowSchema = z.object({
  field: z.string(),
  value: z.string(),
  /** The value as written in the source (markdown included). */
  raw: z.string(),
  position: positionSchema,
  fieldPosition: positionSchema,
  valuePosition: positionSchema
})

export const metaSchema = z.object({
  form: z.enum(['table', 'list', 'other', 'empty']),
  position: positionSchema,
  /** Table header cells, when the Meta is a table. */
  columns: z.array(z.string()),
  rows: z.array(metaRowSchema),
  type: z.string().nullable(),
  repo: z.string().nullable(),
  status: z.string().nullable(),
  created: z.string().nullable()
})

export const skillSchema = z.object({name: z.string(), text: z.string(), position: positionSchema})

export const requirementSchema = z.object({
  id: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['item', 'paragraph']),
  position: positionSchema
})

export const referenceEntrySchema = z.object({
  path: z.string().nullable(),
  description: z.string(),
  text: z.string(),
  position: positionSchema
})

export const referenceGroupSchema = z.object({
  label: z.string().nullable(),
  position: positionSchema,
  entries: z.array(referenceEntrySchema)
})

export const tableSchema = z.object({
  columns: z.array(z.string()),
  position: positionSchema,
  headerPosition: positionSchema
})

export const cellSchema = z.object({text: z.string(), raw: z.string(), position: positionSchema})

export const pathPatternSchema = z.object({pattern: z.string(), position: positionSchema})

export const streamSchema = z.object({
  name: z.string(),
  responsibility: z.string(),
  owns: z.array(pathPatternSchema),
  /** Parts of the Owns cell that are neither a path nor a glob (prose: `PWA/manifest`, `agent service → see …`). */
  ownsProse: z.array(pathPatternSchema),
  skills: z.array(z.string()),
  position: positionSchema,
  /** Cells by column name (lower case), for exact places. */
  cells: z.record(z.string(), cellSchema)
})

export const dependencyRefSchema = z.object({
  text: z.string(),
  /** `none` (`—`, `-`, `none`), `phase` (`Phase 2`), or a chunk reference. */
  kind: z.enum(['none', 'phase', 'chunk', 'unknown']),
  /** The phase number, for `phase` references and for resolved chunks. */
  phase: z.number().int().nullable(),
  /** The key of the chunk referred to, for `chunk` references. */
  target: z.string().nullable(),
  position: positionSchema
})

export const dependsOnSchema = z.object({
  raw: z.string(),
  refs: z.array(dependencyRefSchema),
  position: positionSchema
})

export const chunkRowSchema = z.object({
  title: z.string(),
  stream: z.string().nullable(),
  outcome: z.string().nullable(),
  dependsOn: dependsOnSchema.nullable(),
  position: positionSchema,
  cells: z.record(z.string(), cellSchema)
})

export const issueIdSchema = z.object({
  value: z.string(),
  /** `ABC-123`: upper-case team key, a dash, a number. */
  valid: z.boolean(),
  position: positionSchema
})

export const fieldSchema = z.object({value: z.string(), position: positionSchema})

export const chunkDetailSchema = z.object({
  title: z.string(),
  titlePosition: positionSchema,
  checked: z.boolean().nullable(),
  issueId: issueIdSchema.nullable(),
  /** Text after the title on its line (an italic note, an em-dash summary). */
  note: z.string(),
  outcome: fieldSchema.nullable(),
  stream: fieldSchema.nullable(),
  skills: fieldSchema.nullable(),
  dependsOn: dependsOnSchema.nullable(),
  subtasks: z.array(textItemSchema),
  position: positionSchema
})

export const chunkSchema = z.object({
  /** Unique within the spec: the chunk id (`C2`) when written, else a slug. */
  key: z.string(),
  id: z.string().nullable(),
  title: z.string(),
  /** The whole text the chunk was written with: its title and everything after it but fields and sub-tasks. */
  text: z.string(),
  slug: z.string(),
  phase: z.number().int().nullable(),
  phaseIndex: z.number().int(),
  issueId: z.string().nullable(),
  checked: z.boolean().nullable(),
  stream: z.string().nullable(),
  outcome: z.string().nullable(),
  skills: z.array(z.string()).nullable(),
  dependsOn: z.array(dependencyRefSchema),
  subtasks: z.array(z.string()),
  row: chunkRowSchema.nullable(),
  detail: chunkDetailSchema.nullable()
})

export const phaseSchema = z.object({
  number: z.number().int().nullable(),
  name: z.string(),
  heading: z.string(),
  qualifiers: z.array(z.string()),
  headingPosition: positionSchema,
  position: positionSchema,
  table: tableSchema.nullable(),
  rows: z.array(chunkRowSchema),
  details: z.array(chunkDetailSchema),
  chunks: z.array(chunkSchema),
  /** List items that are not chunks: no checkbox, no bold title, no chunk id, no table row (to-dos, client actions). */
  bullets: z.array(textItemSchema)
})

export const communicationRowSchema = z.object({
  from: z.string(),
  to: z.string(),
  when: z.string(),
  what: z.string(),
  position: positionSchema,
  cells: z.record(z.string(), cellSchema)
})

export const planSchema = z.object({
  /** `execution-plan`, or the older template's `work-breakdown`. */
  form: z.enum(['execution-plan', 'work-breakdown']),
  position: positionSchema,
  workStreams: z.object({position: positionSchema, table: tableSchema.nullable(), streams: z.array(streamSchema)}).nullable(),
  phases: z.array(phaseSchema),
  communication: z.object({position: positionSchema, table: tableSchema.nullable(), rows: z.array(communicationRowSchema)}).nullable(),
  /** Other `###` headings in the plan, in order. */
  otherHeadings: z.array(headingSchema)
})

export const criterionSchema = z.object({
  text: z.string(),
  checked: z.boolean().nullable(),
  commands: z.array(z.string()),
  position: positionSchema
})

export const acceptanceSchema = z.object({
  position: positionSchema,
  criteria: z.array(criterionSchema),
  /** Top-level blocks that are not list items (prose, code, tables). */
  otherBlocks: z.number().int()
})

export const promiseSchema = z.object({
  value: z.string(),
  /** The whole construct as written (`<promise>…</promise>` or `` `…` ``). */
  raw: z.string(),
  form: z.enum(['tag', 'code']),
  position: positionSchema,
  valuePosition: positionSchema,
  /** The canonical section the promise stands in, if any. */
  section: sectionNameSchema.nullable()
})

export const codeBlockSchema = z.object({
  lang: z.string().nullable(),
  lines: z.number().int(),
  section: z.string().nullable(),
  position: positionSchema
})

export const commentSchema = z.object({value: z.string(), position: positionSchema})

export const specSchema = z.object({
  title: headingSchema.nullable(),
  /** Every H1 in document order. */
  titles: z.array(headingSchema),
  /** Whether the first content node (front matter and comments aside) is the H1. */
  titleFirst: z.boolean(),
  sections: z.array(sectionSchema),
  meta: metaSchema.nullable(),
  overview: z.object({position: positionSchema, blocks: z.array(textItemSchema)}).nullable(),
  skills: z.array(skillSchema),
  requirements: z.array(requirementSchema),
  /** Sections whose content is an explicit "none" (`- None`, `(none framework-specific)`, `—`). */
  statedNone: z.array(sectionNameSchema),
  referenceFiles: z.array(referenceGroupSchema),
  plan: planSchema.nullable(),
  /** All chunks of all phases, in document order. */
  chunks: z.array(chunkSchema),
  acceptance: acceptanceSchema.nullable(),
  promise: promiseSchema.nullable(),
  promises: z.array(promiseSchema),
  notes: z.object({position: positionSchema, blocks: z.number().int()}).nullable(),
  codeBlocks: z.array(codeBlockSchema),
  /** `<!-- spec-lint … -->` control comments. */
  controlComments: z.array(commentSchema)
})

export type Point = z.infer<typeof pointSchema>
export type Position = z.infer<typeof positionSchema>
export type SectionName = z.infer<typeof sectionNameSchema>
export type Section = z.infer<typeof sectionSchema>
export type Heading = z.infer<typeof headingSchema>
export type TextItem = z.infer<typeof textItemSchema>
export type MetaRow = z.infer<typeof metaRowSchema>
export type Meta = z.infer<typeof metaSchema>
export type Skill = z.infer<typeof skillSchema>
export type Requirement = z.infer<typeof requirementSchema>
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>
export type ReferenceGroup = z.infer<typeof referenceGroupSchema>
export type Table = z.infer<typeof tableSchema>
export type Cell = z.infer<typeof cellSchema>
export type PathPattern = z.infer<typeof pathPatternSchema>
export type Stream = z.infer<typeof streamSchema>
export type DependencyRef = z.infer<typeof dependencyRefSchema>
export type DependsOn = z.infer<typeof dependsOnSchema>
export type ChunkRow = z.infer<typeof chunkRowSchema>
export type IssueId = z.infer<typeof issueIdSchema>
export type Field = z.infer<typeof fieldSchema>
export type ChunkDetail = z.infer<typeof chunkDetailSchema>
export type Chunk = z.infer<typeof chunkSchema>
export type Phase = z.infer<typeof phaseSchema>
export type CommunicationRow = z.infer<typeof communicationRowSchema>
export type Plan = z.infer<typeof planSchema>
export type Criterion = z.infer<typeof criterionSchema>
export type Acceptance = z.infer<typeof acceptanceSchema>
export type CompletionPromise = z.infer<typeof promiseSchema>
export type CodeBlock = z.infer<typeof codeBlockSchema>
export type SpecModel = z.infer<typeof specSchema>

/** The model's JSON Schema (draft 2020-12), for tools that consume `spec-lint model`. */
export function specJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(specSchema, {target: 'draft-2020-12'})
}
