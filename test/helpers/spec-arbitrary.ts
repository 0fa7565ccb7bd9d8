import fc from 'fast-check'

/*
 * Generated specs for property tests: the template's structure written the
 * many ways people write it, with the inline text remark-stringify mangles.
 */

const plainWords = ['export', 'invoice', 'job', 'worker', 'API', 'range', 'state', 'Zürich', '中文', '表格', '😀', 'naïve', '42', 'v2']

/** Inline tokens that must come back exactly as written. */
const trickyTokens = [
  '~20 gigs',
  'Q&A',
  '[ABC-124]',
  '(NS-101)',
  '[x]',
  '[ ]',
  'snake_case_name',
  'a*b',
  '\\*not emphasis\\*',
  '_em_',
  '*em*',
  '__strong__',
  '**strong**',
  '***both***',
  '`code`',
  '`a | b`',
  '``tick ` inside``',
  '<promise>DONE_COMPLETE</promise>',
  '<!-- note -->',
  '<br>',
  '—',
  '–',
  'C#',
  '#tag',
  '1.5',
  '$HOME',
  'x < y > z',
  '50%',
  'https://example.com/a_b',
  '[link](https://example.com "t")',
  '[ref][r]',
  '![img](a.png)',
  '~~gone~~',
  '\\_kept\\_',
  '&amp;',
  '&copy;',
  'foo\\\\bar',
  "it's",
  '"quoted"',
  '+1',
  '(_paren_)',
  '_a *b* c_'
]

const token = fc.oneof({weight: 3, arbitrary: fc.constantFrom(...plainWords)}, {weight: 2, arbitrary: fc.constantFrom(...trickyTokens)})

const phrase = fc.array(token, {minLength: 1, maxLength: 7}).map((tokens) => tokens.join(' '))

/** Something that is not a block start at the beginning of a line. */
const safePhrase = phrase.map((value) => (/^[-+*#>=_<|:`~\d]/.test(value) || /^\[[ xX]\]/.test(value) ? 'so ' + value : value))

/** A continuation line: its indentation, and sometimes text that only that indentation keeps from starting a block. */
const continuation = fc.oneof(
  safePhrase.map((value) => value),
  fc.tuple(fc.constantFrom('', ' ', '  ', '   '), safePhrase).map(([indent, value]) => indent + value),
  fc.constantFrom('    - not a list', '    > not a quote', '    # not a heading', '    1. not ordered', '    ---', '    ===', '    <div>x</div>', '    | --- |')
)

const paragraph = fc.tuple(safePhrase, fc.array(fc.tuple(continuation, fc.constantFrom('', '', ' ', '  ', '\\')), {maxLength: 3})).map(([first, rest]) => {
  let out = first
  for (const [line, end] of rest) out += end + '\n' + line
  return out
})

const checkbox = fc.constantFrom('', '', '[ ] ', '[x] ', '[X] ')

const bulletList = fc
  .tuple(
    fc.constantFrom('-', '*', '+'),
    fc.constantFrom(' ', '   '),
    fc.array(fc.tuple(checkbox, safePhrase, fc.option(safePhrase, {nil: undefined})), {minLength: 1, maxLength: 4}),
    fc.boolean(),
    fc.option(fc.array(safePhrase, {minLength: 1, maxLength: 2}), {nil: undefined})
  )
  .map(([bullet, gap, items, spread, sub]) => {
    const indent = ' '.repeat(bullet.length + gap.length)
    return items
      .map(([box, text, more], index) => {
        let item = `${bullet}${gap}${box}${text}`
        if (more) item += `\n${indent}${more}`
        if (sub && index === 0) item += '\n' + sub.map((s) => `${indent}- ${s}`).join('\n')
        return item
      })
      .join(spread ? '\n\n' : '\n')
  })

const orderedList = fc
  .tuple(fc.constantFrom('.', ')'), fc.array(safePhrase, {minLength: 1, maxLength: 3}))
  .map(([delimiter, items]) => items.map((item, index) => `${index + 1}${delimiter} ${item}`).join('\n'))

const cell = fc.oneof(
  fc
    .array(fc.constantFrom(...plainWords, 'Q&A', '[ABC-124]', '—', '`a \\| b`', 'a \\| b', '_em_', '**b**', '(NS-101)', '中文', '😀'), {maxLength: 3})
    .map((t) => t.join(' ')),
  fc.constant('')
)

const table = fc
  .tuple(fc.integer({min: 2, max: 4}), fc.integer({min: 1, max: 3}), fc.boolean(), fc.constantFrom('---', ':---', ':---:', '---:'))
  .chain(([columns, rows, padded, align]) =>
    fc.tuple(
      fc.array(fc.constantFrom('Chunk', 'Stream', 'Outcome', 'Depends On', 'Field', 'Value', '名前'), {minLength: columns, maxLength: columns}),
      fc.array(fc.array(cell, {minLength: columns, maxLength: columns}), {minLength: rows, maxLength: rows}),
      fc.constant(padded),
      fc.constant(align)
    )
  )
  .map(([head, rows, padded, align]) => {
    const row = (cells: string[]) => (padded ? `| ${cells.join(' | ')} |` : `|${cells.join('|')}|`)
    return [row(head), row(head.map(() => align)), ...rows.map((cells) => row(cells))].join('\n')
  })

const code = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'ts', 'bash'), fc.array(safePhrase, {minLength: 1, maxLength: 3}))
    .map(([lang, lines]) => '```' + lang + '\n' + lines.join('\n') + '\n```'),
  fc.array(safePhrase, {minLength: 1, maxLength: 2}).map((lines) => lines.map((l) => '    ' + l).join('\n'))
)

const quote = fc
  .array(fc.tuple(fc.boolean(), safePhrase), {minLength: 1, maxLength: 3})
  .map((lines) => lines.map(([marked, text], index) => (marked || index === 0 ? '> ' + text : text)).join('\n'))

const block = fc.oneof(
  {weight: 4, arbitrary: paragraph},
  {weight: 3, arbitrary: bulletList},
  {weight: 1, arbitrary: orderedList},
  {weight: 2, arbitrary: table},
  {weight: 1, arbitrary: code},
  {weight: 1, arbitrary: quote},
  {weight: 1, arbitrary: fc.constantFrom('<!-- spec-lint disable meta-status -->', '<!-- a comment -->', '---', '***', '[r]: https://example.com')},
  {weight: 1, arbitrary: fc.tuple(safePhrase, bulletList).map(([lead, list]) => `${lead}:\n${list}`)}
)

const metaRows = fc
  .shuffledSubarray(
    [
      ['Type', 'backend-api'],
      ['Repo', 'billing-service'],
      ['Status', 'in-progress'],
      ['Created', '2026-03-04'],
      ['Discovery', 'docs/discovery.md'],
      ['Target', 'Q&A ~20 gigs']
    ],
    {minLength: 1}
  )
  .chain((rows) => fc.tuple(fc.constant(rows), fc.boolean()))
  .map(([rows, asTable]) =>
    asTable
      ? ['| Field | Value |', '|-------|-------|', ...rows.map(([field, value]) => `| ${field} | ${value} |`)].join('\n')
      : rows.map(([field, value]) => `- **${field}:** ${value}`).join('\n')
  )

const chunkDetail = fc
  .tuple(
    checkbox,
    fc.constantFrom('Export job model', 'C2 Database schema', 'Login + register'),
    fc.constantFrom('', ' (ABC-12)', ' (NS-101) _done_'),
    safePhrase
  )
  .map(
    ([box, title, issue, outcome]) => `- ${box || '[ ] '}**${title}**${issue}\n\n  Outcome: ${outcome}\n  Stream: jobs\n  Skills: backend-api\n\n  - ${outcome}`
  )

const heading = (depth: number, text: string, setext: boolean) =>
  setext && depth <= 2 ? `${text}\n${(depth === 1 ? '=' : '-').repeat(text.length)}` : `${'#'.repeat(depth)} ${text}`

/** A spec-like document, LF or CRLF, sometimes with a BOM. */
export const specText = fc
  .tuple(
    fc.constantFrom('Invoice Export API', 'Q&A ~20 gigs [ABC-124]', '中文 spec 😀', 'Heading with hash #'),
    fc.boolean(),
    metaRows,
    fc.array(
      fc.tuple(
        fc.constantFrom('Overview', 'Skills', 'Requirements', 'Notes', 'Acceptance Criteria', 'Custom Section'),
        fc.array(block, {minLength: 1, maxLength: 4})
      ),
      {maxLength: 4}
    ),
    fc.array(chunkDetail, {maxLength: 2}),
    fc.constantFrom('\n', '\n', '\r\n'),
    fc.boolean(),
    fc.constantFrom('\n\n', '\n\n\n', '\n')
  )
  .map(([title, setext, meta, sections, chunks, eol, bom, gap]) => {
    const parts = [heading(1, title, setext), heading(2, 'Meta', setext) + '\n\n' + meta]
    for (const [name, blocks] of sections) parts.push(heading(2, name, false) + gap + blocks.join('\n\n'))
    if (chunks.length > 0) parts.push('## Execution Plan\n\n### Phase 1: Foundation\n\n' + chunks.join('\n\n'))
    parts.push('## Completion Promise\n\n<promise>INVOICE_EXPORT_API_COMPLETE</promise>')
    const text = parts.join('\n\n') + '\n'
    return (bom ? '\ufeff' : '') + (eol === '\n' ? text : text.replace(/\n/g, eol))
  })

/** Constructs that are easy to print wrong: nesting, laziness, indentation, escapes, breaks. */
export const awkwardBlock = fc.constantFrom(
  '> - a\n>   b\n>     > c\n> - d',
  '- > quote in list\n  > more\n      > text',
  '> para\n    > lazy, not nested',
  '1. one\n\n   para\n\n2. two',
  '- a\n\n      code in list\n- b',
  '<div>\nhtml block\n</div>',
  '<details>\n<summary>x</summary>\n\n- inner\n</details>',
  'Para with `code\n> not quote` end',
  'Para *emphasis\nacross* lines',
  'Text [link\ntext](http://a.b) more',
  'Term[^1]\n\n[^1]: Footnote text\n    continued',
  '- [ ] task\n  - [x] sub task\n    continued',
  '| a | b |\n|---|---|\n| `\\|` | \\| |',
  '- item\n\n  | t | u |\n  |---|---|\n  | 1 | 2 |',
  '## Heading #\n\ntext',
  '# C# #',
  'Foo\nbar\n===',
  'a\n    # h\n    - l\n    1. x',
  '* * *',
  '- - -',
  '- a\n  ***\n- b',
  'para\n***',
  'Load:\n3. not a list',
  '    indented code\n\n2. a paragraph to micromark\n3. still',
  '    indented code\n\n- a list',
  '    indented code\n\n-\n  foo',
  '    indented code\n\n> quote\n\n# heading',
  '| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |',
  '-\n- a\n-',
  '-\n  foo',
  '2. starts at two\n3. three',
  'para\n2. not a list',
  '\\# not heading\n\\- not list\n\\> not quote',
  '<!-- comment\nspanning -->',
  '~~~\nfenced ``` inside\n~~~',
  'line with trailing backslash\\\nnext',
  'a  \nb',
  'https://example.com/a_b  \nafter a URL',
  '***bold italic***',
  '_under_score_ and __dbl__',
  'http://autolink.com and www.example.com',
  '<https://x.y>',
  '[ref]\n\n[ref]: <http://a b> "t"',
  '- a\n- b\n\n\n- c',
  '+ a\n\n- b\n\n* c',
  '1) a\n2) b\n\n1. c'
)

/** A generated spec with awkward constructs spliced in between its blocks. */
export const awkwardSpecText = fc.tuple(specText, fc.array(awkwardBlock, {minLength: 1, maxLength: 8}), fc.nat()).map(([base, blocks, at]) => {
  const eol = base.includes('\r\n') ? '\r\n' : '\n'
  const parts = base.split(eol + eol)
  for (const block of blocks) parts.splice(at % (parts.length + 1), 0, block.replace(/\n/g, eol))
  return parts.join(eol + eol)
})
