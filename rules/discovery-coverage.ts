import {z} from 'zod'
import type {Point, Position, SpecModel} from '../src/model/schema.js'
import {affirmedStems, covers, keyTerms, locateDiscovery, matched, readDiscovery, samePath, stemsOf} from '../src/discovery/index.js'
import type {DiscoverySource} from '../src/discovery/index.js'
import {defineRule} from '../src/rule.js'
import {at, fileStart} from '../src/model/positions.js'
import {findSection, metaRow} from '../src/model/queries.js'

const options = z
  .object({
    /**
     * The discovery document's text, inline. For examples and tests, which
     * cannot read files; a real run finds the document on disk.
     */
    discovery: z.string().optional().describe('Inline discovery document text, for examples and tests; by default the document is found beside the spec')
  })
  .strict()

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text).replace(/`/g, "'")

/** Backticked paths anywhere in the spec's Reference Files section. */
function specReferencePaths(spec: SpecModel, source: string): string[] {
  const section = findSection(spec, 'Reference Files')
  const paths: string[] = spec.referenceFiles.flatMap((group) => group.entries.flatMap((entry) => (entry.path ? [entry.path] : [])))
  if (section) {
    const body = source.slice(section.position.start.offset, section.position.end.offset)
    for (const match of body.matchAll(/`([^`\n]+)`/g)) paths.push(match[1] as string)
  }
  return paths
}

/**
 * Where a missing reference goes: after the last list entry of the
 * `From Discovery` group, else of the first group written as a list.
 */
function referenceInsertion(spec: SpecModel, source: string): {point: Point; prefix: string} | null {
  const section = findSection(spec, 'Reference Files')
  if (!section) return null
  const isListed = (offset: number) => /^[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(source.slice(source.lastIndexOf('\n', offset - 1) + 1))
  const groups = spec.referenceFiles
    .map((group) => ({label: group.label ?? '', entries: group.entries.filter((e) => isListed(e.position.start.offset))}))
    .filter((group) => group.entries.length > 0)
  const group = groups.find((g) => /\bfrom discovery\b/i.test(g.label)) ?? groups[0]
  const last = group?.entries[group.entries.length - 1]
  if (last) return {point: last.position.end, prefix: '\n'}
  return {point: section.headingPosition.end, prefix: '\n\n'}
}

export default defineRule({
  id: 'discovery-coverage',
  summary: 'A spec carries over its discovery document’s reference files, scope and open questions',
  description: [
    'When the spec’s discovery document is known, checks that the spec traces it:',
    '',
    '- every file the discovery’s Reference Files lists (as a backticked path) is in the spec’s Reference Files (fix: added to the `From Discovery` group with the discovery’s description);',
    '- every in-scope item is reflected in Requirements: one requirement holds at least half of the item’s key terms;',
    '- no out-of-scope or deferred item is a requirement: a requirement holding all of its key terms (at least two), not after a negation (`no`, `not`, `without`);',
    '- every open question is marked resolved in the discovery (`RESOLVED`, `CONFIRMED`, `[x]`, struck through) or appears in Notes (half of its key terms).',
    '',
    'The discovery document is, first match wins: the `discovery` setting (`--setting discovery:"path"`, relative to the working folder), the Meta `Discovery` row (relative to the spec), `discovery.md` beside the spec, or `discovery/<name>.md` beside the spec (`specs/discovery/<name>.md`). A setting or Meta row naming a missing file is reported. Key terms are the item’s words minus stop words and parentheticals, compared after a light stemming (a plural or verb ending stripped, six letters kept).',
    '',
    'The option `discovery` holds a discovery document’s text inline; it exists for examples and tests.'
  ].join('\n'),
  rationale:
    'The spec is what the executing agent reads; whatever discovery learned and the spec dropped (a reference file, a scope line, an open question) is lost to it.',
  category: 'content',
  recommended: 'off',
  strict: 'warn',
  fixable: true,
  options,
  check(spec, ctx) {
    let source: DiscoverySource
    if (ctx.options.discovery !== undefined) {
      source = {name: 'discovery', path: null, text: ctx.options.discovery}
    } else {
      const path = ctx.file.path ? String(ctx.file.path) : undefined
      let lookup
      try {
        lookup = locateDiscovery(spec, path, ctx.file.cwd, ctx.settings.discovery, ctx.file)
      } catch (error) {
        ctx.report(`Unreadable discovery document, expected a readable file`, spec.title?.position ?? at(fileStart), {cause: error as Error})
        return
      }
      if ('none' in lookup) return
      if ('missing' in lookup) {
        const {path: missing, from} = lookup.missing
        const row = metaRow(spec, 'discovery')
        const place: Position = from === 'meta' && row ? row.valuePosition : (spec.title?.position ?? at(fileStart))
        const named = from === 'meta' ? 'in Meta `Discovery`' : 'in the `discovery` setting'
        ctx.report(`Missing discovery document \`${missing}\` named ${named}, expected an existing file`, place)
        return
      }
      source = lookup.found
    }

    const discovery = readDiscovery(source.text)
    if (discovery.refused !== null) {
      ctx.report(
        `Unreadable discovery document \`${source.name}\` (${discovery.refused}), expected a readable Markdown file`,
        spec.title?.position ?? at(fileStart)
      )
      return
    }
    const scopeOut = [
      ...discovery.scope.out.map((item) => ({...item, kind: 'out' as const})),
      ...discovery.scope.deferred.map((item) => ({...item, kind: 'deferred' as const}))
    ]
    const where = (line: number) => `(${source.name}:${line})`
    const titlePlace = spec.title?.position ?? at(fileStart)

    // Reference files
    const have = specReferencePaths(spec, ctx.source)
    const insertion = referenceInsertion(spec, ctx.source)
    const seen = new Set<string>()
    for (const ref of discovery.references) {
      if (seen.has(ref.path) || have.some((p) => samePath(p, ref.path))) continue
      seen.add(ref.path)
      const reason = `Missing reference file \`${ref.path}\` from the discovery ${where(ref.line)}, expected it in Reference Files`
      if (insertion) {
        const entry = `${insertion.prefix}- \`${ref.path}\`${ref.description ? ` — ${ref.description}` : ''}`
        ctx.report(reason, at(insertion.point), {expected: [entry]})
      } else {
        ctx.report(reason, titlePlace)
      }
    }

    // Scope
    const requirementsHeading = findSection(spec, 'Requirements')?.headingPosition ?? titlePlace
    const requirementStems = spec.requirements.map((r) => stemsOf(r.text))
    for (const item of discovery.scope.in) {
      const terms = keyTerms(item.label)
      if (requirementStems.some((stems) => covers(terms, stems))) continue
      ctx.report(
        `Missing requirement for in-scope \`${short(item.label)}\` ${where(item.line)}, expected a requirement with its key terms`,
        requirementsHeading
      )
    }
    for (const item of scopeOut) {
      const terms = keyTerms(item.label)
      if (terms.length < 2) continue
      const hit = spec.requirements.find((r) => matched(terms, affirmedStems(r.text)) === terms.length)
      if (!hit) continue
      const kind = item.kind === 'out' ? 'out-of-scope' : 'deferred'
      ctx.report(`Unexpected requirement for ${kind} \`${short(item.label)}\` ${where(item.line)}, expected it left out of Requirements`, hit.position)
    }

    // Open questions
    const notes = findSection(spec, 'Notes')
    const notesStems = notes ? stemsOf(ctx.source.slice(notes.position.start.offset, notes.position.end.offset)) : new Set<string>()
    for (const question of discovery.questions) {
      if (question.resolved || (notes && covers(keyTerms(question.label), notesStems))) continue
      ctx.report(
        `Missing open question \`${short(question.label)}\` ${where(question.line)}, expected it in Notes or resolved in the discovery`,
        notes?.headingPosition ?? titlePlace
      )
    }
  },
  examples: {
    valid: [
      {
        name: 'no discovery document',
        input: '# Auth\n\n## Requirements\n\n- Users log in\n'
      },
      {
        name: 'everything traced',
        options: {
          discovery:
            '# Discovery: Auth\n\n## Scope\n\n### In scope\n\n- Password login\n\n### Out of scope\n\n- Social login providers\n\n## Reference Files\n\n- `src/auth/handlers.py` — current auth\n\n## Open Questions\n\n1. **Token lifetime** — how long?\n2. **RESOLVED — rate limits** are per IP\n'
        },
        input:
          '# Auth\n\n## Requirements\n\n- Users log in with a password\n- No social login providers\n\n## Reference Files\n\n**From Discovery:**\n- `src/auth/handlers.py` — current auth\n\n## Notes\n\n- Token lifetime: 15 minutes\n'
      }
    ],
    invalid: [
      {
        name: 'a reference file left out',
        options: {discovery: '# Discovery\n\n## Reference Files\n\n- `src/a.ts` — A\n- `src/b.ts` — B helper\n'},
        input: '# Spec\n\n## Reference Files\n\n**From Discovery:**\n- `src/a.ts` — A\n',
        messages: ['6:17: Missing reference file `src/b.ts` from the discovery (discovery:6), expected it in Reference Files'],
        output: '# Spec\n\n## Reference Files\n\n**From Discovery:**\n- `src/a.ts` — A\n- `src/b.ts` — B helper\n'
      },
      {
        name: 'an in-scope item without a requirement',
        options: {discovery: '# Discovery\n\n## Scope\n\n**In scope:**\n- CSV export\n- Email digest\n'},
        input: '# Spec\n\n## Requirements\n\n- Users can download a CSV export\n',
        messages: ['3:1-3:16: Missing requirement for in-scope `Email digest` (discovery:7), expected a requirement with its key terms']
      },
      {
        name: 'an out-of-scope item made a requirement',
        options: {discovery: '# Discovery\n\n## Scope\n\n### Out of Scope\n\n- Social login providers (later)\n'},
        input: '# Spec\n\n## Requirements\n\n- Password login\n- Social login providers: Google and GitHub\n',
        messages: ['6:1-6:44: Unexpected requirement for out-of-scope `Social login providers (later)` (discovery:7), expected it left out of Requirements']
      },
      {
        name: 'an open question neither in Notes nor resolved',
        options: {discovery: '# Discovery\n\n## Open questions\n\n1. **Media hosting** — self-host or embed?\n2. ~~Kids pricing~~\n'},
        input: '# Spec\n\n## Notes\n\n- Nothing yet\n',
        messages: ['3:1-3:9: Missing open question `Media hosting` (discovery:5), expected it in Notes or resolved in the discovery']
      },
      {
        name: 'a Meta Discovery row naming a missing file',
        input: '# Spec\n\n## Meta\n\n| Field | Value |\n|---|---|\n| Discovery | `./no-such-discovery.md` |\n',
        messages: ['7:15-7:39: Missing discovery document `./no-such-discovery.md` named in Meta `Discovery`, expected an existing file']
      }
    ]
  }
})
