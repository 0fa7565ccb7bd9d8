import {afterEach, describe, expect, it} from 'vitest'
import {memoCapacity, memoText, setMemoCapacity} from '../src/model/memo.js'

describe('text memo', () => {
  const before = memoCapacity()
  afterEach(() => setMemoCapacity(before))

  it('computes a text once while it is remembered', () => {
    const seen: string[] = []
    const length = memoText((text: string) => {
      seen.push(text)
      return text.length
    })
    expect([length('ab'), length('ab'), length('abc'), length('ab')]).toEqual([2, 2, 3, 2])
    expect(seen).toEqual(['ab', 'abc'])
  })

  it('keeps at most the capacity set, and starts over when full', () => {
    setMemoCapacity(2)
    const seen: string[] = []
    const upper = memoText((text: string) => {
      seen.push(text)
      return text.toUpperCase()
    })
    for (const text of ['a', 'b', 'c', 'a']) upper(text)
    // `c` found the cache full: it was dropped, so `a` is computed again.
    expect(seen).toEqual(['a', 'b', 'c', 'a'])
    setMemoCapacity(10)
    for (const text of ['a', 'b', 'c', 'a']) upper(text)
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b'])
  })
})
