import {isDeepStrictEqual} from 'node:util'
import {buildChunkGraph, isChunkNode} from '../analysis/graph.js'
import {chunkIndex} from '../model/chunk-refs.js'
import {chunkLabel} from '../model/plan-queries.js'
import {checkboxProgress, statusContradicts} from '../model/progress.js'
import type {Chunk, Criterion, SpecModel} from '../model/schema.js'
import {stripPositions} from '../model/strip.js'
import {normalizeStatus, statuses} from '../model/vocabulary.js'
import type {Status} from '../model/vocabulary.js'
import {parseSpec} from '../parse/index.js'
import {applyEdits} from './apply.js'
import type {Edit} from './apply.js'
import {afterTitle, checkboxOffset, statusValueRange} from './places.js'

/*
 * The edits an agent loop makes to its spec as work goes on: tick a chunk
 * or a criterion, add a chunk's issue id, move the Status. Each is a
 * byte-level replacement at the model's positions, computed against the
 * text as read and checked after: the edited text must parse to the same
 * model apart from the fields the edit is about. Anything the model cannot
 * place exactly is refused, never guessed.
 */

export type SpecEdit =
  | {kind: 'done' | 'undo'; chunk: string; force?: boolean}
  | {kind: 'criterion'; criterion: string; checked: boolean}
  | {kind: 'link'; links: ReadonlyArray<{chunk: string; issueId: string}>}
  | {kind: 'set-status'; status: string}

export interface SpecEditResult {
  /** The edited text (a byte order mark kept). */
  text: string
  /** The replacements made, as offsets into the text given. Empty when nothing had to change. */
  edits: Edit[]
  /** What changed, one line each (`ticked \`C2\``). */
  changes: string[]
  /** The model of the edited text. */
  spec: SpecModel
}

/** An edit that cannot be made safely: the reason is one message line. */
export class EditRefused extends Error {
  override name = 'EditRefused'
}

const issueIdPattern = /^[A-Z][A-Z0-9]*-\d+$/
const editRule = 'spec-edit'

/** Resolve a chunk reference the way `Depends On` does; refuse a missing or ambiguous one. */
export function findChunk(spec: SpecModel, reference: string): Chunk {
  const found = chunkIndex(spec.chunks).candidates(reference)
  if (found.length === 1) return found[0] as Chunk
  const line = (chunk: Chunk) => chunk.detail?.position.start.line ?? chunk.row?.position.start.line ?? 0
  if (found.length > 1) {
    const names = found.map((chunk) => `\`${chunk.key}\` (line ${line(chunk)})`).join(', ')
    throw new EditRefused(`Ambiguous chunk \`${reference}\`: it names ${names}, expected one chunk key`)
  }
  if (spec.chunks.length === 0) throw new EditRefused(`Unexpected chunk \`${reference}\` in a spec without chunks, expected an Execution Plan`)
  const keys = spec.chunks.slice(0, 8).map((chunk) => `\`${chunk.key}\``)
  const more = spec.chunks.length > 8 ? ', …' : ''
  throw new EditRefused(`Unknown chunk \`${reference}\`, expected a chunk id, key, title or slug (${keys.join(', ')}${more})`)
}

/** An acceptance criterion by number (`2`, from 1) or by its text (whole, or a part only it contains). */
export function findCriterion(spec: SpecModel, reference: string): {criterion: Criterion; index: number} {
  const criteria = spec.acceptance?.criteria ?? []
  if (criteria.length === 0) throw new EditRefused('Unexpected `--criterion` in a spec without acceptance criteria, expected an `## Acceptance Criteria` list')
  const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()
  const wanted = squash(reference)
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1
    const criterion = criteria[index]
    if (!criterion) throw new EditRefused(`Unknown criterion \`${reference}\`, expected a number from 1 to ${criteria.length}`)
    return {criterion, index}
  }
  let hits = criteria.map((criterion, index) => ({criterion, index})).filter(({criterion}) => squash(criterion.text) === wanted)
  if (hits.length === 0)
    hits = criteria.map((criterion, index) => ({criterion, index})).filter(({criterion}) => wanted !== '' && squash(criterion.text).includes(wanted))
  if (hits.length === 1) return hits[0] as {criterion: Criterion; index: number}
  if (hits.length > 1)
    throw new EditRefused(
      `Ambiguous criterion \`${reference}\`: it matches criteria ${hits.map((h) => h.index + 1).join(', ')}, expected a number or more of the text`
    )
  throw new EditRefused(`Unknown criterion \`${reference}\`, expected a number from 1 to ${criteria.length} or part of a criterion's text`)
}

/** For each chunk, the chunks it depends on, read as `status-consistency` reads them (phase references expanded). */
function dependencyLists(spec: SpecModel): Map<Chunk, Chunk[]> {
  const graph = buildChunkGraph(spec)
  const lists = new Map<Chunk, Chunk[]>()
  graph.chunks.forEach((chunk, node) => {
    const out = new Set<Chunk>()
    for (const to of graph.adjacency[node] ?? []) {
      const targets = isChunkNode(graph, to) ? [to] : (graph.adjacency[to] ?? [])
      for (const target of targets) {
        const dependency = graph.chunks[target]
        if (dependency && dependency !== chunk) out.add(dependency)
      }
    }
    lists.set(chunk, [...out])
  })
  return lists
}

function dependenciesOf(spec: SpecModel, chunk: Chunk): Chunk[] {
  return dependencyLists(spec).get(chunk) ?? []
}

function dependentsOf(spec: SpecModel, chunk: Chunk): Chunk[] {
  const lists = dependencyLists(spec)
  return spec.chunks.filter((other) => other !== chunk && (lists.get(other) ?? []).includes(chunk))
}

const names = (chunks: readonly Chunk[]) => chunks.map((chunk) => `\`${chunkLabel(chunk)}\``).join(', ')

/** Where an edit's changes show in the model: the field it sets, for the check after. */
type Expectation = (model: SpecModel) => void

interface Planned {
  edits: Edit[]
  changes: string[]
  expect: Expectation[]
}

function tick(source: string, spec: SpecModel, chunk: Chunk, checked: boolean, force: boolean, plan: Planned): void {
  const detail = chunk.detail
  const offset = detail ? checkboxOffset(source, detail) : undefined
  if (!detail || detail.checked === null || offset === undefined) {
    throw new EditRefused(`Unexpected chunk \`${chunkLabel(chunk)}\` without a checkbox, expected a checklist item \`- [ ] **${chunk.title}**\``)
  }
  if (detail.checked === checked) {
    plan.changes.push(`\`${chunkLabel(chunk)}\` is already ${checked ? 'ticked' : 'unticked'}`)
    return
  }
  if (!force) {
    const open = checked ? dependenciesOf(spec, chunk).filter((d) => d.checked === false) : dependentsOf(spec, chunk).filter((d) => d.checked === true)
    if (open.length > 0) {
      throw new EditRefused(
        checked
          ? `Unexpected \`done\` for \`${chunkLabel(chunk)}\` with unchecked ${open.length === 1 ? 'dependency' : 'dependencies'} ${names(open)}, expected its dependencies done first (or \`--force\`)`
          : `Unexpected \`undo\` for \`${chunkLabel(chunk)}\` with checked ${open.length === 1 ? 'dependent' : 'dependents'} ${names(open)}, expected those undone first (or \`--force\`)`
      )
    }
  }
  plan.edits.push({start: offset, end: offset + 1, text: checked ? 'x' : ' ', ruleId: editRule})
  plan.changes.push(`${checked ? 'ticked' : 'unticked'} \`${chunkLabel(chunk)}\` (line ${detail.position.start.line})`)
  const index = spec.chunks.indexOf(chunk)
  plan.expect.push((model) => {
    const target = model.chunks[index]
    if (!target?.detail) return
    target.checked = checked
    target.detail.checked = checked
  })
}

function tickCriterion(source: string, spec: SpecModel, reference: string, checked: boolean, plan: Planned): void {
  const {criterion, index} = findCriterion(spec, reference)
  const offset = criterion.checked === null ? undefined : checkboxOffset(source, criterion)
  if (offset === undefined) throw new EditRefused(`Unexpected criterion ${index + 1} without a checkbox, expected \`- [ ] ${criterion.text}\``)
  if (criterion.checked === checked) {
    plan.changes.push(`criterion ${index + 1} is already ${checked ? 'ticked' : 'unticked'}`)
    return
  }
  plan.edits.push({start: offset, end: offset + 1, text: checked ? 'x' : ' ', ruleId: editRule})
  plan.changes.push(`${checked ? 'ticked' : 'unticked'} criterion ${index + 1} (line ${criterion.position.start.line})`)
  plan.expect.push((model) => {
    const target = model.acceptance?.criteria[index]
    if (target) target.checked = checked
  })
}

function link(source: string, spec: SpecModel, chunk: Chunk, issueId: string, plan: Planned): void {
  if (!issueIdPattern.test(issueId)) throw new EditRefused(`Unexpected issue id \`${issueId}\`, expected a team key, a dash and a number (\`NS-101\`)`)
  const detail = chunk.detail
  if (!detail)
    throw new EditRefused(`Unexpected chunk \`${chunkLabel(chunk)}\` without a checklist item, expected \`- [ ] **${chunk.title}**\` for its issue id`)
  const index = spec.chunks.indexOf(chunk)
  const expect: Expectation = (model) => {
    const target = model.chunks[index]
    if (!target?.detail) return
    target.issueId = issueId
    target.detail.issueId = {value: issueId, valid: true, position: target.detail.issueId?.position ?? target.detail.titlePosition}
  }
  if (detail.issueId) {
    if (detail.issueId.value === issueId) {
      plan.changes.push(`\`${chunkLabel(chunk)}\` is already \`${issueId}\``)
      return
    }
    plan.edits.push({start: detail.issueId.position.start.offset, end: detail.issueId.position.end.offset, text: issueId, ruleId: editRule})
    plan.changes.push(`\`${chunkLabel(chunk)}\`: \`${detail.issueId.value}\` → \`${issueId}\` (line ${detail.position.start.line})`)
    plan.expect.push(expect)
    return
  }
  const at = afterTitle(source, detail)
  if (at === undefined) throw new EditRefused(`Unexpected chunk title \`${detail.title}\` without bold, expected \`**${detail.title}**\` before an issue id`)
  plan.edits.push({start: at, end: at, text: ` (${issueId})`, ruleId: editRule})
  plan.changes.push(`linked \`${chunkLabel(chunk)}\` to \`${issueId}\` (line ${detail.position.start.line})`)
  plan.expect.push(expect)
}

function setStatus(spec: SpecModel, status: Status, plan: Planned): void {
  const range = statusValueRange(spec)
  const row = spec.meta?.rows.find((r) => r.field.toLowerCase() === 'status')
  if (!range || !row) throw new EditRefused('Unexpected Meta without a `Status` row, expected `| Status | draft |`')
  if (row.value === status) {
    plan.changes.push(`Status is already \`${status}\``)
    return
  }
  plan.edits.push({start: range.start, end: range.end, text: status, ruleId: editRule})
  plan.changes.push(`Status \`${row.value}\` → \`${status}\` (line ${row.position.start.line})`)
  plan.expect.push((model) => {
    if (!model.meta) return
    model.meta.status = status
    const target = model.meta.rows.find((r) => r.field.toLowerCase() === 'status')
    if (target) {
      target.value = status
      target.raw = status
    }
  })
}

/** The same model with the expected fields set, positions aside. */
function sameApartFrom(before: SpecModel, after: SpecModel, expect: readonly Expectation[]): boolean {
  const wanted = structuredClone(before)
  for (const apply of expect) apply(wanted)
  return isDeepStrictEqual(stripPositions(wanted), stripPositions(after))
}

function bomOf(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
}

/** `auto` is what the checkboxes say; other words go through the Status aliases. */
function statusToSet(spec: SpecModel, wanted: string): Status {
  if (wanted === 'auto') {
    const read = checkboxProgress(spec).status
    if (read === null) throw new EditRefused('Unexpected `--auto` in a spec without checkboxes, expected a Status to set')
    return read
  }
  const normal = normalizeStatus(wanted)
  if (!normal) throw new EditRefused(`Unexpected Status \`${wanted}\`, expected one of ${statuses.map((s) => `\`${s}\``).join(', ')}`)
  return normal
}

/** Parse, plan, apply, check: the one path every edit takes. */
export function editSpec(text: string, edit: SpecEdit, options: {path?: string} = {}): SpecEditResult {
  const bom = bomOf(text)
  const {file, spec, refused} = parseSpec({value: text, path: options.path})
  if (refused) throw new EditRefused(file.messages.find((m) => m.fatal)?.reason ?? 'Unexpected input, expected a Markdown spec')
  const source = String(file.value)
  const plan: Planned = {edits: [], changes: [], expect: []}

  switch (edit.kind) {
    case 'done':
    case 'undo':
      tick(source, spec, findChunk(spec, edit.chunk), edit.kind === 'done', edit.force ?? false, plan)
      break
    case 'criterion':
      tickCriterion(source, spec, edit.criterion, edit.checked, plan)
      break
    case 'link': {
      const seen = new Map<Chunk, string>()
      for (const {chunk: reference, issueId} of edit.links) {
        const chunk = findChunk(spec, reference)
        const earlier = seen.get(chunk)
        if (earlier !== undefined && earlier !== issueId)
          throw new EditRefused(`Unexpected second issue id \`${issueId}\` for \`${chunkLabel(chunk)}\`, expected one (\`${earlier}\` given first)`)
        if (earlier !== undefined) continue
        seen.set(chunk, issueId)
        link(source, spec, chunk, issueId, plan)
      }
      break
    }
    case 'set-status':
      setStatus(spec, statusToSet(spec, edit.status), plan)
      break
  }

  let next = applyEdits(source, plan.edits).text
  let after = parseSpec({value: next, path: options.path}).spec
  // A tick that makes the Status contradict the checkboxes moves it too, as `status-consistency`'s fix would.
  if (
    (edit.kind === 'done' || edit.kind === 'undo' || edit.kind === 'criterion') &&
    plan.edits.length > 0 &&
    statusContradicts(after) &&
    !statusContradicts(spec)
  ) {
    const read = checkboxProgress(after).status
    if (read) setStatus(spec, read, plan)
    next = applyEdits(source, plan.edits).text
    after = parseSpec({value: next, path: options.path}).spec
  }
  if (!sameApartFrom(spec, after, plan.expect)) {
    throw new EditRefused(
      `Unexpected change beyond the edit (${plan.changes.join('; ')}), expected only the edited fields to change: the spec is left as it was`
    )
  }
  const shift = bom.length
  return {
    text: bom + next,
    edits: plan.edits.map((e) => ({...e, start: e.start + shift, end: e.end + shift})).sort((a, b) => a.start - b.start),
    changes: plan.changes,
    spec: after
  }
}
