import {expect, it} from 'vitest'
import {oneLine, quickFixTitle} from '../src/report/quick-fix.js'

it('quick fix titles are one line', () => {
  expect(quickFixTitle('', '\n\n<promise>DATA_SYNC_COMPLETE</promise>')).toBe('Insert `<promise>DATA_SYNC_COMPLETE</promise>`')
  expect(quickFixTitle('', '\n\n## Skills\n\n- [SKILL]\n')).toBe('Insert `## Skills ⏎ - [SKILL]`')
  expect(quickFixTitle('In Progress', 'in-progress')).toBe('Replace `In Progress` with `in-progress`')
  expect(quickFixTitle('x\r\ny', '')).toBe('Remove `x ⏎ y`')
  const long = oneLine('word '.repeat(40))
  expect(long.length).toBe(60)
  expect(long.endsWith('…')).toBe(true)
  for (const title of [quickFixTitle('a\nb', 'c\rd'), quickFixTitle('', 'x\n'.repeat(50))]) expect(title).not.toMatch(/[\r\n]/)
})
