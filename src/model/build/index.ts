import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {canonicalSection, extraSection, mayDefineReferences} from '../text.js'
import type {Heading, Section, SectionName, SpecModel} from '../schema.js'
import {contextOf, isComment, pos} from './context.js'
import type {Ctx} from './context.js'
import {resolveDependencies} from './dependencies.js'
import {parseMeta} from './meta.js'
import {parsePlan} from './plan.js'
import {endBuild} from './reuse.js'
import type {ModelReuse} from './reuse.js'
import {collectDeep} from './positions.js'
import {parseSkills, parseRequirements, parseReferences, parseAcceptance} from './sections.js'

interface SectionNodes {
  section: Section
  nodes: RootContent[]
}

interface Outline {
  titles: Heading[]
  titleFirst: boolean
  sections: SectionNodes[]
}

/**
 * Build the spec model from a parsed tree in one pass over the top level,
 * descending only into the nodes a section's parser needs. Never throws on
 * well-formed mdast: what it cannot place stays an unknown section. With
 * `reuse` (kept per document), unchanged phases are taken over from the
 * previous build of the same document, whose model is then given up.
 */
export function buildSpec(tree: Root, source: string, reuse?: ModelReuse): SpecModel {
  const ctx: Ctx = {...contextOf(source), reuse: reuse && !mayDefineReferences(source) ? reuse : undefined}
  const outline = outlineOf(ctx, tree)
  const model = emptyModel(outline)
  const statedNone = new Set<SectionName>()
  const hasPlan = outline.sections.some((s) => s.section.canonical === 'Execution Plan')
  for (const entry of outline.sections) readSection(ctx, model, entry, statedNone, hasPlan)
  model.statedNone = [...statedNone]
  if (model.plan) {
    model.chunks = model.plan.phases.flatMap((phase) => phase.chunks)
    resolveDependencies(model.chunks, ctx.reuse)
  }
  collectDeep(ctx, tree, model, outline.sections)
  if (reuse) endBuild(reuse)
  return model
}

/** The H1s and the `##` sections with the top-level nodes under each. */
function outlineOf(ctx: Ctx, tree: Root): Outline {
  const outline: Outline = {titles: [], titleFirst: false, sections: []}
  let seenContent = false
  let current: SectionNodes | undefined
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      outline.titles.push({text: toString(node).trim(), position: pos(ctx, node)})
      if (!seenContent) outline.titleFirst = true
      seenContent = true
      current = undefined
      continue
    }
    if (!isComment(node) && node.type !== 'yaml') seenContent = true
    if (node.type === 'heading' && node.depth === 2) {
      current = {section: sectionOf(toString(node).trim(), pos(ctx, node)), nodes: []}
      outline.sections.push(current)
    } else if (current) {
      current.nodes.push(node)
      current.section.position = {start: current.section.position.start, end: pos(ctx, node).end}
      if (!isComment(node)) current.section.empty = false
    }
  }
  return outline
}

function sectionOf(title: string, headingPosition: Section['headingPosition']): Section {
  return {title, canonical: canonicalSection(title), extra: extraSection(title), headingPosition, position: headingPosition, empty: true}
}

function emptyModel(outline: Outline): SpecModel {
  return {
    title: outline.titles[0] ?? null,
    titles: outline.titles,
    titleFirst: outline.titleFirst,
    sections: outline.sections.map((s) => s.section),
    meta: null,
    overview: null,
    skills: [],
    requirements: [],
    statedNone: [],
    referenceFiles: [],
    plan: null,
    chunks: [],
    acceptance: null,
    promise: null,
    promises: [],
    notes: null,
    codeBlocks: [],
    controlComments: []
  }
}

/** Read one section into the model; the first occurrence of a known section is the one it holds. */
function readSection(ctx: Ctx, model: SpecModel, {section, nodes}: SectionNodes, statedNone: Set<SectionName>, hasPlan: boolean): void {
  switch (section.canonical) {
    case 'Meta':
      model.meta ??= parseMeta(ctx, section, nodes)
      break
    case 'Overview':
      model.overview ??= {
        position: section.position,
        blocks: nodes.filter((n) => !isComment(n)).map((n) => ({text: toString(n), position: pos(ctx, n)}))
      }
      break
    case 'Skills':
      if (model.skills.length === 0) model.skills = parseSkills(ctx, nodes, statedNone)
      break
    case 'Requirements':
      if (model.requirements.length === 0) model.requirements = parseRequirements(ctx, nodes, statedNone)
      break
    case 'Reference Files':
      if (model.referenceFiles.length === 0) model.referenceFiles = parseReferences(ctx, nodes, statedNone)
      break
    case 'Execution Plan':
      model.plan ??= parsePlan(ctx, section, nodes, 'execution-plan')
      break
    case 'Acceptance Criteria':
      model.acceptance ??= parseAcceptance(ctx, section, nodes)
      break
    case 'Notes':
      model.notes ??= {position: section.position, blocks: nodes.filter((n) => !isComment(n)).length}
      break
    default:
      // The older template's `## Work Breakdown` stands in for a missing Execution Plan.
      if (section.extra === 'Work Breakdown' && !hasPlan) model.plan ??= parsePlan(ctx, section, nodes, 'work-breakdown')
  }
}
