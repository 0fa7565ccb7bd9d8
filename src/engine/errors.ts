/** One clear line on stderr, never a stack trace, and a non-zero exit. */
export function fail(error: unknown, code = 1): void {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`spec-lint: ${firstLine(message)}\n`)
  process.exitCode = code
}

export function firstLine(message: string): string {
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'unknown error'
  )
}
