/** A deep copy of a model without any source position, for comparing models across edits. */
export function stripPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'position' || key.endsWith('Position') ? undefined : inner))) as T
}
