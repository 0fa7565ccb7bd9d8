/**
 * The action's inputs, as the runner hands them to a JavaScript action:
 * `INPUT_<NAME>` upper-cased with spaces as `_` and hyphens kept
 * (`INPUT_SARIF-FILE`); the `_` spelling is read too, for shells that
 * cannot set a name with a hyphen.
 */
export interface ActionInputs {
  files: string[]
  config: string | undefined
  /** Fail when a rule's fix would change a file. */
  fix: boolean
  /** Fail when `spec-lint --format` would change a file. */
  formatCheck: boolean
  sarifFile: string | undefined
  failOn: 'error' | 'warning'
}

export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  const upper = name.replace(/ /g, '_').toUpperCase()
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim()
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name).toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new InputError(`Unexpected \`${name}: ${value}\`, expected \`true\` or \`false\``)
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const files = input(env, 'files')
    .split(/\s*\n\s*|\s+/)
    .filter(Boolean)
  const failOn = input(env, 'fail-on') || 'error'
  if (failOn !== 'error' && failOn !== 'warning') {
    throw new InputError(`Unexpected \`fail-on: ${failOn}\`, expected \`error\` or \`warning\``)
  }
  return {
    files: files.length > 0 ? files : ['specs/**/*.md'],
    config: input(env, 'config') || undefined,
    fix: bool(env, 'fix'),
    formatCheck: bool(env, 'format-check'),
    sarifFile: input(env, 'sarif-file') || undefined,
    failOn
  }
}
