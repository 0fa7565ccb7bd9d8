import type {Nodes} from 'mdast'
import {blockMemo, defineRule, noOptions} from '../src/rule.js'
import {rangeAt} from '../src/model/positions.js'

/** `[x]` that are not placeholders: checkboxes, issue ids, numbered references. */
function kept(inner: string): boolean {
  return /^[ xX]$/.test(inner) || /^[A-Z][A-Z0-9]*-\d+$/.test(inner) || /^\d+$/.test(inner)
}

const placeholder = /\[([^[\]\n]+)\]|\bTODO\b|\bTBD\b|\?\?\?/g
/** Whether a text can hold one at all: most text cannot, and this test is much cheaper than the match. */
const mayHold = /\[|TODO|TBD|\?\?\?/

const placeholders = blockMemo<{value: string; start: number; end: number}>()

/** The placeholders in one top-level block, in document order. */
function placeholdersIn(block: Nodes, source: string): Array<{value: string; start: number; end: number}> {
  const stack: Nodes[] = [block]
  const found: Array<{value: string; start: number; end: number}> = []
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    if (node.type === 'heading' && node.depth === 1) continue
    if (node.type === 'code' || node.type === 'inlineCode') continue
    if (node.type === 'text' || (node.type === 'html' && !/^\s*<!--/.test(node.value))) {
      if (!mayHold.test(node.value)) continue
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) continue
      const slice = source.slice(start, end)
      let from = 0
      for (const match of node.value.matchAll(placeholder)) {
        if (match[1] !== undefined && kept(match[1])) continue
        // Find it in the source: escaped or entity-encoded brackets do not match.
        const index = slice.indexOf(match[0], from)
        if (index === -1) continue
        from = index + match[0].length
        // `app/[id]/page.tsx` and `items[i]` are a path segment and an index, not template text.
        const before = source.charAt(start + index - 1)
        const after = source.charAt(start + index + match[0].length)
        if (match[1] !== undefined && (/[\w/]/.test(before) || after === '/')) continue
        found.push({value: match[0], start: start + index, end: start + index + match[0].length})
      }
      continue
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
  }
  return found
}

export default defineRule({
  id: 'no-placeholders',
  summary: 'No template text left in the spec',
  description:
    'Fires on template text left in a section body: `[Work Title]`, `[repository name]`, `[date]`, `[chunk-name]`, `[Sub-task 1]`, `[Criterion 1 - must be verifiable]`, `[UNIQUE_COMPLETION_STRING]` and any other `[Bracketed placeholder]` that is not a link, a checkbox, an issue id (`[NS-101]`), a number, a path segment (`app/[id]/page.tsx`) or an index (`items[i]`); and on `TODO`, `TBD` and `???`. Code, inline code, comments and the `#` title (see `spec-title`) are not checked; an escaped `\\[bracket\\]` is kept.',
  rationale: 'An agent executing a spec takes every line literally; a leftover `[Sub-task 1]` or `TBD` becomes work nobody specified.',
  category: 'content',
  recommended: 'error',
  strict: 'error',
  fixable: false,
  options: noOptions,
  check(_spec, ctx) {
    const found = placeholders(
      ctx.tree,
      ctx.source,
      () => '',
      (block) => placeholdersIn(block, ctx.source)
    )
    for (const {value, start} of found) {
      ctx.report(`Unexpected placeholder \`${value}\`, expected the spec’s own text`, rangeAt(ctx.source, start, start + value.length))
    }
  },
  examples: {
    valid: [
      {
        name: 'Links, checkboxes, issue ids and code are not placeholders',
        input:
          '# T\n\n## Execution Plan\n\n- [x] **Login** [NS-101] — see [the guide](https://example.com)\n\n  - Keep `[slot]` syntax\n\n```md\n[Sub-task 1]\n```\n'
      },
      {
        name: 'Escaped brackets, path segments and indexes are kept',
        input: '# T\n\n## Requirements\n\n- Accepts \\[optional\\] flags\n- The page at app/[id]/page.tsx reads items[i]\n'
      }
    ],
    invalid: [
      {
        name: 'Template values in the Meta table',
        input: '# T\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Repo | [repository name] |\n| Created | [date] |\n',
        messages: [
          '7:10-7:27: Unexpected placeholder `[repository name]`, expected the spec’s own text',
          '8:13-8:19: Unexpected placeholder `[date]`, expected the spec’s own text'
        ]
      },
      {
        name: 'A template sub-task',
        input: '# T\n\n## Execution Plan\n\n- [ ] **Login**\n\n  - [Sub-task 1]\n',
        messages: ['7:5-7:17: Unexpected placeholder `[Sub-task 1]`, expected the spec’s own text']
      },
      {
        name: 'TODO, TBD and ???',
        input: '# T\n\n## Requirements\n\n- Retry policy: TBD\n- TODO decide the limit ???\n',
        messages: [
          '5:17-5:20: Unexpected placeholder `TBD`, expected the spec’s own text',
          '6:3-6:7: Unexpected placeholder `TODO`, expected the spec’s own text',
          '6:25-6:28: Unexpected placeholder `???`, expected the spec’s own text'
        ]
      },
      {
        name: 'The template promise',
        input: '# T\n\n## Completion Promise\n\n<promise>[UNIQUE_COMPLETION_STRING]</promise>\n',
        messages: ['5:10-5:36: Unexpected placeholder `[UNIQUE_COMPLETION_STRING]`, expected the spec’s own text']
      }
    ]
  }
})
