import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
export const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
export const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version

/** The `index`-th fenced block in `lang` under the heading `heading` (up to the next heading of that level or above), as written. */
export function snippet(heading: string, lang: string, index = 0): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2
  const start = readme.indexOf(`\n${heading}\n`)
  if (start === -1) throw new Error(`README has no \`${heading}\``)
  const rest = readme.slice(start + heading.length + 2)
  const next = new RegExp(`\\n#{1,${level}} `).exec(rest)
  const section = next ? rest.slice(0, next.index) : rest
  const blocks = [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string)
  const block = blocks[index]
  if (block === undefined) throw new Error(`README's \`${heading}\` has no ${lang} block ${index}`)
  return block
}
