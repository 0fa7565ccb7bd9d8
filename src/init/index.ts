import {hasContent, readDiscovery} from '../discovery/index.js'
import type {Discovery} from '../discovery/index.js'
import {formatSpec} from '../format/index.js'
import type {ProjectInfo} from './project.js'
import {renderSpec} from './render.js'
import {buildScaffold} from './scaffold.js'
import type {Scaffold} from './scaffold.js'
import {inferWorkType} from './work-type.js'
import type {WorkType, WorkTypeResult} from './work-type.js'

export {readDiscovery, hasContent} from '../discovery/index.js'
export type {Discovery} from '../discovery/index.js'
export {inferWorkType, describeWorkType, workTypes} from './work-type.js'
export type {WorkType, WorkTypeResult} from './work-type.js'
export {buildScaffold, placeholders} from './scaffold.js'
export type {Scaffold} from './scaffold.js'
export {renderSpec} from './render.js'
export {projectInfo} from './project.js'

export interface ScaffoldInput {
  /** The discovery document's Markdown; none for the blank template. */
  source?: string
  /** The document already read from `source` (the CLI reads it once for its title). */
  doc?: Discovery
  /** Overrides the discovery title; required without a source title. */
  title?: string
  /** Used when neither `title` nor the document gives one (the file name). */
  fallbackTitle?: string
  type?: WorkType
  project: ProjectInfo
  created: string
  /** The discovery document's path relative to the spec's folder, for the Meta `Discovery` row. */
  discoveryPath?: string
}

export interface ScaffoldResult {
  markdown: string
  scaffold: Scaffold
  workType: WorkTypeResult
  doc: Discovery | null
  /** True when no discovery section was found (or there was no document). */
  blank: boolean
}

/**
 * Discovery document → spec Markdown, deterministically. A document with no
 * discovery sections gives the blank template for its title, as `--title` does.
 */
export function scaffoldSpec(input: ScaffoldInput): ScaffoldResult {
  const doc = input.doc ?? (input.source === undefined ? null : readDiscovery(input.source))
  if (doc?.refused) throw new Error(doc.refused)
  const blank = doc === null || !hasContent(doc)
  const title = (input.title ?? doc?.title ?? input.fallbackTitle ?? '').trim()
  if (!title) throw new Error('no title: the discovery document has no `# Title`; pass `--title`')
  const workType: WorkTypeResult = input.type ? {type: input.type, evidence: [], source: 'option'} : inferWorkType(blank ? '' : (doc?.prose ?? ''))
  const scaffold = buildScaffold(blank ? null : doc, {
    title,
    workType,
    project: input.project,
    created: input.created,
    discoveryPath: blank ? undefined : input.discoveryPath,
    repoRoot: input.project.root ?? null
  })
  // The one place a scaffold becomes text: the canonical formatter makes `spec-lint --format`
  // a no-op on every scaffold, whatever the copied discovery text.
  return {markdown: formatSpec(renderSpec(scaffold)), scaffold, workType, doc, blank}
}
