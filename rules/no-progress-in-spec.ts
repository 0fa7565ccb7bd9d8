import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {z} from 'zod'
import {blockMemo, defineRule} from '../src/rule.js'
import {rangeAt} from '../src/model/positions.js'

/** Headings the format keeps out of a spec: progress lives in the issue tracker and git. */
const progressHeading =
  /^(?:\d+[.)]\s*)?(?:progress(?:\s+(?:log|notes|updates?))?|status\s+updates?|session\s+(?:notes|log)|hand-?off(?:\s+notes)?|handover(?:\s+notes)?|change\s*log|work\s+log)\s*:?$/i

/** `2026-01-22: finished …`, `Done: …`, `WIP: …` at the start of a line. */
const progressEntry = /^(?:\d{4}-\d{2}-\d{2}\s*[:—–]|(?:done|wip)\s*:)/i

/** Sections where dated entries and long code are fine. */
const exempt = new Set(['Meta', 'Notes'])

interface ProgressFinding {
  kind: 'heading' | 'entry'
  text: string
  start: number
  end: number
}

const progressFindings = blockMemo<ProgressFinding>()

/** Progress headings and entries in one top-level block; `exempt`: the block is in a section where entries are fine. */
function progressIn(block: Nodes, source: string, exempt: boolean): ProgressFinding[] {
  const found: ProgressFinding[] = []
  const stack: Nodes[] = [block]
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    if (node.type === 'heading' && node.depth > 1) {
      const text = toString(node).trim()
      if (progressHeading.test(text)) found.push({kind: 'heading', text, start, end})
      continue
    }
    if (node.type === 'paragraph') {
      const newline = source.indexOf('\n', start)
      const line = source.slice(start, newline === -1 || newline > end ? end : newline)
      const hit = progressEntry.exec(line)
      if (hit && !exempt) found.push({kind: 'entry', text: hit[0], start, end: start + line.length})
      continue
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
  }
  return found
}

export default defineRule({
  id: 'no-progress-in-spec',
  summary: 'Progress, session notes and long code stay out of the spec',
  description:
    'Fires on a heading like Progress, Status Update, Session Notes, Handover or Changelog; on a paragraph or list item that starts as a progress entry (`2026-01-22: finished …`, `Done:`, `WIP:`) outside `## Notes`; and on a code block longer than `maxCodeLines` lines outside Meta and Notes.',
  rationale:
    'The format keeps progress in issue comments and git (“Git + Linear IS the state”) and keeps HOW out of the spec; a spec that accumulates session logs and pasted code goes stale and misleads the next run.',
  category: 'content',
  recommended: 'warn',
  strict: 'error',
  fixable: false,
  options: z
    .object({
      maxCodeLines: z.number().int().min(0).default(20).describe('Longest code block allowed outside Meta and Notes, in lines')
    })
    .strict(),
  check(spec, ctx) {
    const sectionAt = (offset: number) => {
      let found: (typeof spec.sections)[number] | undefined
      for (const section of spec.sections) if (section.headingPosition.start.offset <= offset) found = section
      return found
    }
    const scope = (block: RootContent) => sectionAt(block.position?.start.offset ?? 0)?.canonical ?? ''
    const exemptScope = (block: RootContent) => exempt.has(scope(block))
    for (const found of progressFindings(ctx.tree, ctx.source, scope, (block) => progressIn(block, ctx.source, exemptScope(block)))) {
      if (found.kind === 'heading') {
        ctx.report(
          `Unexpected progress heading \`${found.text}\`, expected progress in issue comments and git, not in the spec`,
          rangeAt(ctx.source, found.start, found.end)
        )
      } else
        ctx.report(`Unexpected progress entry \`${found.text}\`, expected it in issue comments or \`## Notes\``, rangeAt(ctx.source, found.start, found.end))
    }
    const max = ctx.options.maxCodeLines
    for (const block of spec.codeBlocks) {
      if (block.lines <= max) continue
      if (block.section === 'Meta' || block.section === 'Notes') continue
      ctx.report(`Unexpected code block of ${block.lines} lines, expected at most ${max} outside Notes (say what, not how)`, block.position)
    }
  },
  examples: {
    valid: [
      {
        name: 'Dated decisions in Notes',
        input: '# T\n\n## Notes\n\n- 2026-01-22: Decided on RS256 over HS256\n'
      },
      {
        name: 'A code block within a configured limit',
        options: {maxCodeLines: 3},
        input: '# T\n\n## Architecture\n\n```\na\nb\nc\n```\n'
      }
    ],
    invalid: [
      {
        name: 'A progress section',
        input: '# T\n\n## Progress\n\n- Login done\n',
        messages: ['3:1-3:12: Unexpected progress heading `Progress`, expected progress in issue comments and git, not in the spec']
      },
      {
        name: 'A session handover heading',
        input: '# T\n\n## Notes\n\n### Handover notes\n\nPicked up at chunk 3.\n',
        messages: ['5:1-5:19: Unexpected progress heading `Handover notes`, expected progress in issue comments and git, not in the spec']
      },
      {
        name: 'Dated and WIP entries outside Notes',
        input: '# T\n\n## Requirements\n\n- 2026-01-22: finished the login endpoint\n- WIP: refresh tokens\n',
        messages: [
          '5:3-5:42: Unexpected progress entry `2026-01-22:`, expected it in issue comments or `## Notes`',
          '6:3-6:22: Unexpected progress entry `WIP:`, expected it in issue comments or `## Notes`'
        ]
      },
      {
        name: 'A code block over the limit',
        options: {maxCodeLines: 2},
        input: '# T\n\n## Architecture\n\n```py\na = 1\nb = 2\nc = 3\n```\n',
        messages: ['5:1-9:4: Unexpected code block of 3 lines, expected at most 2 outside Notes (say what, not how)']
      }
    ]
  }
})
