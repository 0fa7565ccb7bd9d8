import type {SpecModel} from '../model/schema.js'
import type {PlanDocument, Task} from './tasks.js'

/*
 * Three views of a plan document: a text listing for people, a Mermaid
 * flowchart and a Graphviz digraph. Diagrams draw one group per phase, an
 * edge from each phase group to the next (the sequential barrier), and an
 * edge from each written dependency to its dependent (`Phase N` references
 * start at that phase's group). Checked chunks are styled as done, ready
 * ones with a heavy border.
 */

interface PhaseGroup {
  index: number
  heading: string
  tasks: Task[]
}

function groups(doc: PlanDocument, spec: SpecModel): PhaseGroup[] {
  const byIndex = new Map<number, PhaseGroup>()
  for (const task of doc.tasks) {
    let group = byIndex.get(task.phaseIndex)
    if (!group) {
      const phase = spec.plan?.phases[task.phaseIndex]
      const heading = phase ? (phase.number === null ? phase.name || phase.heading : `Phase ${phase.number}: ${phase.name}`) : 'Plan'
      group = {index: task.phaseIndex, heading, tasks: []}
      byIndex.set(task.phaseIndex, group)
    }
    group.tasks.push(task)
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index)
}

/** Written dependencies as diagram edges: `from` is a task index or a phase index (`phase`). */
function writtenEdges(doc: PlanDocument, spec: SpecModel): Array<{from: number; to: number; phase: boolean}> {
  const byKey = new Map(doc.tasks.map((task, i) => [task.key, i]))
  const phaseIndexOf = new Map<number, number>()
  for (const task of doc.tasks) if (task.phase !== null && !phaseIndexOf.has(task.phase)) phaseIndexOf.set(task.phase, task.phaseIndex)
  // The phase right before each task's phase: a written reference to it repeats the sequential barrier.
  const ranks = [...new Set(doc.tasks.map((task) => task.phaseIndex))].sort((a, b) => a - b)
  const before = new Map(ranks.map((rank, i) => [rank, i > 0 ? ranks[i - 1] : undefined]))
  const edges: Array<{from: number; to: number; phase: boolean}> = []
  const seen = new Set<string>()
  spec.chunks.forEach((chunk, to) => {
    for (const ref of chunk.dependsOn) {
      let edge: {from: number; to: number; phase: boolean} | undefined
      if (ref.kind === 'chunk' && ref.target !== null) {
        const from = byKey.get(ref.target)
        if (from !== undefined && from !== to) edge = {from, to, phase: false}
      } else if (ref.kind === 'phase' && ref.phase !== null && ref.phase !== chunk.phase) {
        const from = phaseIndexOf.get(ref.phase)
        const own = doc.tasks[to]?.phaseIndex ?? -1
        if (from !== undefined && from !== before.get(own)) edge = {from, to, phase: true}
      }
      if (!edge) continue
      const id = `${edge.phase ? 'p' : 'c'}${edge.from}-${edge.to}`
      if (seen.has(id)) continue
      seen.add(id)
      edges.push(edge)
    }
  })
  return edges
}

const chunkLabel = (task: Task) =>
  (task.id && !task.title.startsWith(task.id) ? `${task.id} ${task.title}` : task.title) + (task.issueId ? ` (${task.issueId})` : '')

/* ------------------------------------------------------------------ text */

export function renderText(doc: PlanDocument, spec: SpecModel): string {
  const done = doc.tasks.filter((task) => task.checked).length
  const lines: string[] = [`${doc.title ?? doc.file}: ${done}/${doc.tasks.length} chunks done`]
  if (doc.tasks.length === 0) lines.push('', 'No chunks: the spec has no Execution Plan phases with chunks.')
  const byKey = new Map(doc.tasks.map((task) => [task.key, task]))
  for (const group of groups(doc, spec)) {
    lines.push('', group.heading)
    const keyWidth = Math.min(24, Math.max(0, ...group.tasks.map((task) => task.key.length)))
    for (const task of group.tasks) {
      const state = task.checked ? '[x]' : '[ ]'
      const stream = task.stream ? `  · ${task.stream}` : ''
      const waiting = task.blockedBy.filter((key) => byKey.get(key)?.checked !== true)
      const note = task.checked ? '' : task.ready ? '  ready' : waiting.length > 0 ? `  waits for ${listKeys(waiting)}` : ''
      const issue = task.issueId ? ` (${task.issueId})` : ''
      lines.push(`  ${state} ${task.key.padEnd(keyWidth)}  ${task.title}${issue}${stream}${note}`)
    }
  }
  lines.push('')
  lines.push(
    `Ready: ${doc.ready.length > 0 ? doc.ready.join(', ') : doc.tasks.length > 0 && done === doc.tasks.length ? 'nothing, every chunk is checked' : 'none'}`
  )
  if (doc.criticalPath.length > 0) lines.push(`Critical path (${doc.criticalPath.length}): ${doc.criticalPath.join(' → ')}`)
  for (const cycle of doc.cycles) lines.push(`Cycle: ${cycle}`)
  return lines.join('\n') + '\n'
}

function listKeys(keys: string[]): string {
  return keys.length <= 4 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`
}

/* --------------------------------------------------------------- mermaid */

const mermaidText = (text: string) =>
  text
    .replace(/"/g, '#quot;')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')

export function renderMermaid(doc: PlanDocument, spec: SpecModel): string {
  const lines = ['flowchart TD']
  const all = groups(doc, spec)
  const index = new Map(doc.tasks.map((task, i) => [task, i]))
  for (const group of all) {
    lines.push(`  subgraph p${group.index}["${mermaidText(group.heading)}"]`)
    for (const task of group.tasks) lines.push(`    c${index.get(task)}["${mermaidText(chunkLabel(task))}"]`)
    lines.push('  end')
  }
  for (let i = 1; i < all.length; i++) lines.push(`  p${(all[i - 1] as PhaseGroup).index} --> p${(all[i] as PhaseGroup).index}`)
  for (const edge of writtenEdges(doc, spec)) lines.push(`  ${edge.phase ? 'p' : 'c'}${edge.from} --> c${edge.to}`)
  lines.push('  classDef done fill:#e6f4ea,stroke:#34a853,color:#1e4620')
  lines.push('  classDef ready stroke-width:3px')
  const done = doc.tasks.flatMap((task, i) => (task.checked ? [`c${i}`] : []))
  const ready = doc.tasks.flatMap((task, i) => (task.ready ? [`c${i}`] : []))
  if (done.length > 0) lines.push(`  class ${done.join(',')} done`)
  if (ready.length > 0) lines.push(`  class ${ready.join(',')} ready`)
  return lines.join('\n') + '\n'
}

/* ------------------------------------------------------------------- dot */

const dotText = (text: string) =>
  `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`

export function renderDot(doc: PlanDocument, spec: SpecModel): string {
  const lines = ['digraph plan {', '  compound=true;', '  rankdir=TB;', `  label=${dotText(doc.title ?? doc.file)};`, '  node [shape=box, style=rounded];']
  const all = groups(doc, spec)
  const index = new Map(doc.tasks.map((task, i) => [task, i]))
  for (const group of all) {
    lines.push(`  subgraph cluster_p${group.index} {`, `    label=${dotText(group.heading)};`)
    for (const task of group.tasks) {
      const style = task.checked ? ', style="rounded,filled", fillcolor="#e6f4ea", color="#34a853"' : task.ready ? ', penwidth=3' : ''
      lines.push(`    c${index.get(task)} [label=${dotText(chunkLabel(task))}${style}];`)
    }
    lines.push('  }')
  }
  // A cluster-to-cluster edge in Graphviz runs between member nodes, clipped at the cluster borders.
  const first = (group: PhaseGroup) => `c${index.get(group.tasks[0] as Task)}`
  for (let i = 1; i < all.length; i++) {
    const from = all[i - 1] as PhaseGroup
    const to = all[i] as PhaseGroup
    lines.push(`  ${first(from)} -> ${first(to)} [ltail=cluster_p${from.index}, lhead=cluster_p${to.index}, style=dashed];`)
  }
  const groupByIndex = new Map(all.map((group) => [group.index, group]))
  for (const edge of writtenEdges(doc, spec)) {
    if (!edge.phase) {
      lines.push(`  c${edge.from} -> c${edge.to};`)
      continue
    }
    const group = groupByIndex.get(edge.from)
    if (group) lines.push(`  ${first(group)} -> c${edge.to} [ltail=cluster_p${group.index}];`)
  }
  lines.push('}')
  return lines.join('\n') + '\n'
}
