import fs from 'node:fs'
import path from 'node:path'

export interface FoundPattern {
  file: string
  line: number
  source: string
  /** Why the pattern could backtrack more than linearly; empty when none. */
  risk: string
}

const regexLiteral = /(?<![\w)\]$])\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuvy]*)/g

/** Regular expression literals in the TypeScript under `dirs`, with a static risk note. */
export function findPatterns(root: string, dirs: string[]): FoundPattern[] {
  const found: FoundPattern[] = []
  for (const dir of dirs) {
    for (const file of walk(path.join(root, dir))) {
      const lines = fs.readFileSync(file, 'utf8').split('\n')
      lines.forEach((text, index) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(text)) return
        for (const match of text.matchAll(regexLiteral)) {
          const source = match[1] as string
          if (!/[*+?{}()[\]\\^$|]/.test(source)) continue
          found.push({file: path.relative(root, file), line: index + 1, source, risk: riskOf(source)})
        }
      })
    }
  }
  return found
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

/**
 * The two shapes that make a backtracking engine super-linear: a quantified
 * group that itself contains an unbounded quantifier (`(a+)+`, `(\s*x)*`),
 * and two unbounded quantifiers in a row whose classes can match the same
 * character (`\s*\s*`, `.*:.*` over a line without `:`) in an unanchored pattern.
 */
export function riskOf(source: string): string {
  const unbounded = /(?<!\\)(?:[*+]|\{\d+,\})/
  // Nested: find groups followed by an unbounded quantifier.
  const stack: number[] = []
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') {
      i++
      continue
    }
    if (char === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1
      continue
    }
    if (char === '(') stack.push(i)
    if (char === ')') {
      const open = stack.pop() ?? 0
      const inner = source.slice(open + 1, i)
      const after = source.slice(i + 1, i + 6)
      if (/^(?:[*+]|\{\d+,\d*\})/.test(after) && unbounded.test(inner.replace(/\[(?:\\.|[^\]])*\]/g, 'c'))) {
        return `quantified group \`(${inner})${after[0]}\` contains an unbounded quantifier`
      }
    }
  }
  const runs = source.match(/(?:\.|\\s|\\S|\\w|\[[^\]]*\])[*+][^*+]{0,3}(?:\.|\\s|\\S|\\w|\[[^\]]*\])[*+]/g)
  if (runs && !source.startsWith('^')) return `adjacent unbounded quantifiers \`${runs[0]}\` in an unanchored pattern`
  return ''
}
