import type {SharedWord, Trace, TraceLink} from '../analysis/trace-schema.js'

/*
 * The matrix for people: a plain listing for the terminal and GFM tables to
 * paste into a pull request. Every link shows its evidence: the ids cited,
 * or the shared words (`requirement word≈chunk word` where they differ).
 */

function words(list: readonly SharedWord[]): string {
  return list.map((word) => (word.requirement === word.other ? word.requirement : `${word.requirement}≈${word.other}`)).join(', ')
}

function evidence(link: TraceLink): string {
  return link.by === 'id' ? `cites ${link.ids.join(', ')}` : `match ${(link.score ?? 0).toFixed(2)}: ${words(link.words)}`
}

function criterionLabel(trace: Trace, index: number): string {
  return `AC${index + 1}`
}

function targetName(trace: Trace, link: TraceLink): string {
  return link.to === 'chunk' ? (trace.chunks[link.target]?.title ?? '') : criterionLabel(trace, link.target)
}

function requirementName(trace: Trace, index: number): string {
  const requirement = trace.requirements[index]
  if (!requirement) return ''
  return requirement.id === null ? requirement.label : `${requirement.id} ${requirement.text.replace(/^\S+\s*[:.)—–-]?\s*/, '').slice(0, 60)}`
}

function byLine(trace: Trace): string {
  return trace.byId ? 'links by cited id, then by shared words' : 'links by shared words'
}

export function renderText(file: string, trace: Trace): string {
  const lines = [
    `${file}: ${trace.requirements.length} requirements, ${trace.chunks.length} chunks, ${trace.criteria.length} acceptance criteria (${byLine(trace)})`,
    ''
  ]
  trace.requirements.forEach((requirement, index) => {
    lines.push(`${requirement.position.start.line}:${requirement.position.start.column}  ${requirementName(trace, index)}`)
    for (const to of ['chunk', 'criterion'] as const) {
      const links = trace.links.filter((link) => link.requirement === index && link.to === to)
      const head = to === 'chunk' ? '  served by  ' : '  checked by '
      if (links.length === 0) lines.push(`${head}(none)`)
      for (const link of links) lines.push(`${head}${targetName(trace, link)} (${evidence(link)})`)
    }
  })
  const lonely = trace.chunks.filter((_, index) => !trace.links.some((link) => link.to === 'chunk' && link.target === index))
  if (lonely.length > 0) {
    lines.push('', 'Chunks that serve no requirement:')
    for (const chunk of lonely) lines.push(`${chunk.position.start.line}:${chunk.position.start.column}  ${chunk.title}`)
  }
  return lines.join('\n') + '\n'
}

/** Escape what would break a table cell. */
function cell(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .replace(/\|/g, '\\|')
}

export function renderMarkdown(file: string, trace: Trace): string {
  const out = [
    `### Traceability: \`${file}\``,
    '',
    `${trace.requirements.length} requirements, ${trace.chunks.length} chunks, ${trace.criteria.length} acceptance criteria; ${byLine(trace)}.`,
    '',
    '| Requirement | Chunks | Acceptance criteria |',
    '|---|---|---|'
  ]
  trace.requirements.forEach((_, index) => {
    const list = (to: TraceLink['to']) => {
      const links = trace.links.filter((link) => link.requirement === index && link.to === to)
      return links.length === 0 ? '**none**' : links.map((link) => `${cell(targetName(trace, link))} (${cell(evidence(link))})`).join('<br>')
    }
    out.push(`| ${cell(requirementName(trace, index))} | ${list('chunk')} | ${list('criterion')} |`)
  })
  out.push('', '| Chunk | Serves |', '|---|---|')
  trace.chunks.forEach((chunk, index) => {
    const links = trace.links.filter((link) => link.to === 'chunk' && link.target === index)
    const serves =
      links.length === 0
        ? '**none**'
        : links
            .map((link) => trace.requirements[link.requirement]?.label ?? '')
            .map(cell)
            .join(', ')
    out.push(`| ${cell(chunk.title)} | ${serves} |`)
  })
  if (trace.criteria.length > 0) {
    out.push('', '| Criterion | Checks |', '|---|---|')
    trace.criteria.forEach((criterion, index) => {
      const links = trace.links.filter((link) => link.to === 'criterion' && link.target === index)
      const checks =
        links.length === 0
          ? '—'
          : links
              .map((link) => trace.requirements[link.requirement]?.label ?? '')
              .map(cell)
              .join(', ')
      out.push(`| ${criterionLabel(trace, index)} ${cell(criterion.text)} | ${checks} |`)
    })
  }
  return out.join('\n') + '\n'
}
