import {z} from 'zod'
import {positionSchema} from '../model/schema.js'

/*
 * The traceability matrix's JSON form (`spec-lint trace --json`). As with
 * the model, the schema is the source of truth: the types are inferred from
 * it and `spec-lint trace --schema` prints it as JSON Schema.
 */

export const sharedWordSchema = z.object({
  stem: z.string(),
  /** The word as the requirement writes it. */
  requirement: z.string(),
  /** The word as the chunk or criterion writes it. */
  other: z.string()
})

export const traceLinkSchema = z.object({
  /** Index into `requirements`. */
  requirement: z.number().int().min(0),
  to: z.enum(['chunk', 'criterion']),
  /** Index into `chunks` or `criteria`. */
  target: z.number().int().min(0),
  /** `id`: the chunk or criterion cites the requirement's id; `match`: they share significant words. */
  by: z.enum(['id', 'match']),
  /** The evidence: the ids cited (`id`), or the shared words (`match`). */
  ids: z.array(z.string()),
  words: z.array(sharedWordSchema),
  /** For `match`: the requirement's weight the shared words carry, 0 to 1. */
  score: z.number().min(0).max(1).nullable()
})

export const traceRequirementSchema = z.object({
  id: z.string().nullable(),
  /** The id, else the requirement's first words. */
  label: z.string(),
  text: z.string(),
  position: positionSchema
})

export const traceChunkSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Requirement ids the chunk cites. */
  cites: z.array(z.string()),
  position: positionSchema
})

export const traceCriterionSchema = z.object({
  text: z.string(),
  cites: z.array(z.string()),
  position: positionSchema
})

export const traceSchema = z.object({
  /** Whether any chunk or criterion cites a requirement id: then those citations are the links. */
  byId: z.boolean(),
  /** The `score` from which a part of a chunk or a criterion links by match (README, "Traceability"). */
  threshold: z.number(),
  requirements: z.array(traceRequirementSchema),
  chunks: z.array(traceChunkSchema),
  criteria: z.array(traceCriterionSchema),
  links: z.array(traceLinkSchema)
})

export type SharedWord = z.infer<typeof sharedWordSchema>
export type TraceLink = z.infer<typeof traceLinkSchema>
export type TraceRequirement = z.infer<typeof traceRequirementSchema>
export type TraceChunk = z.infer<typeof traceChunkSchema>
export type TraceCriterion = z.infer<typeof traceCriterionSchema>
export type Trace = z.infer<typeof traceSchema>

/** The matrix's JSON Schema (draft 2020-12), with the file name `trace --json` adds. */
export function traceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(traceSchema.extend({file: z.string()}), {target: 'draft-2020-12'})
}
