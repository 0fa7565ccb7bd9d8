import {hasContent, readDiscovery} from './discovery.js'
import type {DiscoveryDoc} from './discovery.js'
import type {ProjectInfo} from './project.js'
import {renderSpec} from './render.js'
import {buildScaffold} from './scaffold.js'
import type {Scaffold} from './scaffold.js'
import {inferWorkType} from './work-type.js'
import type {WorkType, WorkTypeResult} from './work-type.js'

export {readDiscovery, hasContent} from './discovery.js'
export type {DiscoveryDoc} from './discovery.js'
export {inferWorkType, describeWorkType, workTypes} from './work-type.js'
export type {WorkType, WorkTypeResult} from './work-type.js'
export {buildScaffold, placeholders} from './scaffold.js'
export type {Scaffold} from './scaffold.js'
export {renderSpec} from './render.js'
export {projectInfo} from './project.js'

export interface ScaffoldInput {
  /** The discovery document's Markdown; none for the blank template. */
  source?: string
  /** Overrides the discovery title; required without a source title. */
  title?: string
  /** Used when neither `title` nor the document gives one (the file name). */
  fallbackTitle?: string
  type?: WorkType
  project: ProjectInfo
  created: string
  discoveryPath?: string
}

export interface ScaffoldResult {
  markdown: string
  scaffold: Scaffold
  workType: WorkTypeResult
  doc: DiscoveryDoc | null
  /** True when no discovery section was found (or there was no document). */
  blank: boolean
}

/**
 * Discovery document → spec Markdown, deterministically. A document with no
 * discovery sections gives the blank template for its title, as `--title` does.
 */
export function scaffoldSpec(input: ScaffoldInput): ScaffoldResult {
  const doc = input.source === undefined ? null : readDiscovery(input.source)
  const blank = doc === null || !hasContent(doc)
  const title = (input.title ?? doc?.title ?? input.fallbackTitle ?? '').trim()
  if (!title) throw new Error('no title: the discovery document has no `# Title`; pass `--title`')
  const workType: WorkTypeResult = input.type
    ? {type: input.type, evidence: [], source: 'option'}
    : inferWorkType(blank ? '' : (doc?.prose ?? ''))
  const scaffold = buildScaffold(blank ? null : doc, {
    title,
    workType,
    project: input.project,
    created: input.created,
    discoveryPath: blank ? undefined : input.discoveryPath
  })
  // The one place a scaffold becomes text: piping it through the canonical formatter here
  // makes `spec-lint --format` a no-op on every scaffold, whatever the copied discovery text.
  return {markdown: renderSpec(scaffold), scaffold, workType, doc, blank}
}
