import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {location} from 'vfile-location'
import {canonicalSection, extraSection} from '../text.js'
import type {Acceptance, Heading, Meta, Plan, Section, SectionName, SpecModel} from '../schema.js'
import {isComment, pos} from './context.js'
import type {Ctx} from './context.js'
import {resolveDependencies} from './dependencies.js'
import {parseMeta} from './meta.js'
import {parsePlan} from './plan.js'
import {collectDeep} from './positions.js'
import {parseSkills, parseRequirements, parseReferences, parseAcceptance} from './sections.js'

export function buildSpec(tree: Root, source: string): SpecModel {
  const place = location(source)
  const ctx: Ctx = {
    source,
    point(offset) {
      const clamped = Math.max(0, Math.min(offset, source.length))
      const found = place.toPoint(clamped)
      if (found && typeof found.offset === 'number') {
        return {line: found.line, column: found.column, offset: found.offset}
      }
      return {line: 1, column: 1, offset: 0}
    }
  }

  const titles: Heading[] = []
  const sections: Array<{section: Section; nodes: RootContent[]}> = []
  let titleFirst = false
  let seenContent = false
  let current: {section: Section; nodes: RootContent[]} | undefined

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      titles.push({text: toString(node).trim(), position: pos(ctx, node)})
      if (!seenContent) titleFirst = true
      seenContent = true
      current = undefined
      continue
    }
    if (!isComment(node) && node.type !== 'yaml') seenContent = true
    if (node.type === 'heading' && node.depth === 2) {
      const title = toString(node).trim()
      const headingPosition = pos(ctx, node)
      current = {
        section: {
          title,
          canonical: canonicalSection(title),
          extra: extraSection(title),
          headingPosition,
          position: headingPosition,
          empty: true
        },
        nodes: []
      }
      sections.push(current)
      continue
    }
    if (current) {
      current.nodes.push(node)
      current.section.position = {start: current.section.position.start, end: pos(ctx, node).end}
      if (!isComment(node)) current.section.empty = false
    }
  }

  const model: SpecModel = {
    title: titles[0] ?? null,
    titles,
    titleFirst,
    sections: sections.map((s) => s.section),
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

  const statedNone = new Set<SectionName>()
  for (const {section, nodes} of sections) {
    const name = section.canonical
    // The first occurrence of a known section is the one the model reads.
    switch (name) {
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
        if (section.extra === 'Work Breakdown' && !sections.some((s) => s.section.canonical === 'Execution Plan')) {
          model.plan ??= parsePlan(ctx, section, nodes, 'work-breakdown')
        }
    }
  }

  model.statedNone = [...statedNone]
  if (model.plan) {
    model.chunks = model.plan.phases.flatMap((phase) => phase.chunks)
    resolveDependencies(model.chunks)
  }

  collectDeep(ctx, tree, model, sections)
  return model
}
