import type {Nodes, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isNoneEntry} from '../vocabulary.js'
import {joinLines} from '../text.js'
import type {Acceptance, ReferenceGroup, Requirement, Section, SectionName, Skill} from '../schema.js'
import {isComment, pos, firstParagraph, firstInlineCode} from './context.js'
import type {Ctx} from './context.js'

/* Skills, Requirements, Reference Files and Acceptance Criteria: the list sections. */

/** An entry that says, in words or a dash, there is nothing to list (an empty item says nothing). */
export const statesNone = (text: string): boolean => text.trim() !== '' && isNoneEntry(text)

/** A leading label that says what follows is read, not loaded: `Reference (not load):`. */
export const notSkillLabel = /^\s*(?:\*\*|__)?\s*(?:references?\b|[^:]*\bnot\s+load\b|[^:]*\b(?:do\s+not|don't)\s+load\b)/i

/** `**Skills (load):** …`, `Load: …`: a label that only introduces skill names. */
export const skillsLabel = /^\s*(?:\*\*|__)?\s*(?:skills?|load)\s*(?:\([^()]*\))?\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*/i

export function parseSkills(ctx: Ctx, nodes: RootContent[], statedNone: Set<SectionName>): Skill[] {
  const skills: Skill[] = []
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      // `Skills: (none framework-specific)`, `None.`: no skills, said in prose.
      const text = toString(node).trim()
      if (statesNone(text.replace(skillsLabel, '').replace(/\.$/, ''))) statedNone.add('Skills')
      continue
    }
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const paragraph = firstParagraph(item)
      const text = joinLines(paragraph ? toString(paragraph) : toString(item)).trim()
      if (statesNone(text)) {
        statedNone.add('Skills')
        continue
      }
      if (notSkillLabel.test(text)) continue
      const names = paragraph ? leadingCodes(paragraph) : []
      if (names.length === 0) {
        const bare = text.replace(skillsLabel, '')
        names.push((bare.split(/\s+[—–-]\s+|:\s/)[0] ?? '').trim())
      }
      for (const name of names) skills.push({name, text, position: pos(ctx, item)})
    }
  }
  return skills
}

/**
 * The backticked names an item starts with, up to its description:
 * `` **`run`** and **`verify`** — … `` names two skills.
 */
export function leadingCodes(paragraph: Paragraph): string[] {
  const names: string[] = []
  const visit = (nodes: Nodes[]): boolean => {
    for (const node of nodes) {
      if (node.type === 'inlineCode') names.push(node.value.trim())
      else if (node.type === 'strong' || node.type === 'emphasis') {
        if (!visit(node.children)) return false
      } else if (node.type === 'text') {
        // A description starts at a dash or a colon after the names.
        if (names.length > 0 && /[—–:]|\s-\s/.test(node.value)) return false
        if (names.length === 0 && /[—–]|\s-\s/.test(node.value) && !skillsLabel.test(node.value)) return false
      } else return false
    }
    return true
  }
  visit(paragraph.children)
  return names.filter(Boolean)
}

export const requirementId = /^\s*(?:\*\*|__)?(R\d+|[A-Z]{1,4}-\d+)(?:\*\*|__)?\s*[:.)—–-]?\s+/

export function parseRequirements(ctx: Ctx, nodes: RootContent[], statedNone: Set<SectionName>): Requirement[] {
  const out: Requirement[] = []
  nodes.forEach((node, index) => {
    if (node.type === 'list') {
      for (const item of node.children) {
        const text = joinLines(toString(item)).trim()
        if (statesNone(text)) {
          statedNone.add('Requirements')
          continue
        }
        out.push({id: requirementId.exec(text)?.[1] ?? null, text, kind: 'item', position: pos(ctx, item)})
      }
    } else if (node.type === 'paragraph') {
      const text = joinLines(toString(node)).trim()
      // `What must be true when done:` leads in to the list; it is not a requirement.
      if (text.endsWith(':') && nodes.slice(index + 1).some((next) => next.type === 'list')) return
      if (statesNone(text.replace(/\.$/, ''))) {
        statedNone.add('Requirements')
        return
      }
      out.push({id: requirementId.exec(text)?.[1] ?? null, text, kind: 'paragraph', position: pos(ctx, node)})
    }
  })
  return out
}

export function parseReferences(ctx: Ctx, nodes: RootContent[], statedNone: Set<SectionName>): ReferenceGroup[] {
  const groups: ReferenceGroup[] = []
  let group: ReferenceGroup | undefined
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const first = node.children[0]
      if (first?.type === 'strong') {
        const label = toString(first).trim().replace(/:$/, '').trim()
        const rest = node.children.slice(1)
        group = {label, position: pos(ctx, node), entries: []}
        groups.push(group)
        const restText = rest
          .map((c) => toString(c))
          .join('')
          .replace(/^\s*:\s*/, '')
          .trim()
        if (restText && statesNone(restText)) statedNone.add('Reference Files')
        else if (restText) {
          const path = firstInlineCode({type: 'paragraph', children: rest})
          group.entries.push({path, description: describe(restText, path), text: restText, position: pos(ctx, node)})
        }
      }
    } else if (node.type === 'list') {
      if (!group) {
        group = {label: null, position: pos(ctx, node), entries: []}
        groups.push(group)
      }
      for (const item of node.children) {
        const paragraph = firstParagraph(item)
        const text = (paragraph ? toString(paragraph) : toString(item)).trim()
        if (statesNone(text)) {
          statedNone.add('Reference Files')
          continue
        }
        const path = paragraph ? firstInlineCode(paragraph) : null
        group.entries.push({path, description: describe(text, path), text, position: pos(ctx, item)})
      }
      group.position = {start: group.position.start, end: pos(ctx, node).end}
    }
  }
  return groups
}

export function describe(text: string, path: string | null): string {
  const rest = path ? text.replace(path, '') : text
  return rest.replace(/^[\s—–:-]+/, '').trim()
}

export function parseAcceptance(ctx: Ctx, section: Section, nodes: RootContent[]): Acceptance {
  const criteria: Acceptance['criteria'] = []
  let otherBlocks = 0
  for (const node of nodes) {
    if (isComment(node)) continue
    if (node.type !== 'list') {
      otherBlocks++
      continue
    }
    for (const item of node.children) {
      const paragraph = firstParagraph(item)
      const commands: string[] = []
      const stack: Nodes[] = [item]
      while (stack.length > 0) {
        const next = stack.pop() as Nodes
        if (next.type === 'inlineCode') commands.push(next.value)
        else if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes)
      }
      criteria.push({
        text: joinLines(paragraph ? toString(paragraph) : toString(item)).trim(),
        checked: item.checked ?? null,
        commands,
        position: pos(ctx, item)
      })
    }
  }
  return {position: section.position, criteria, otherBlocks}
}
