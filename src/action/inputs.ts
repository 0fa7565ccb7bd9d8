/** The action's inputs, as `action.yml` hands them to the script (`INPUT_<NAME>`, `-` as `_`). */
export interface ActionInputs {
  files: string[]
  config: string | undefined
  fix: boolean
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
  return (env[`INPUT_${name.replace(/[ -]/g, '_').toUpperCase()}`] ?? '').trim()
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
    sarifFile: input(env, 'sarif-file') || undefined,
    failOn
  }
}
