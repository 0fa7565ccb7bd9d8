/**
 * Subcommands (`spec-lint <name> …`). Each takes the arguments after its
 * name and resolves to an exit code. Flags and plain linting go to the
 * unified-args flow instead.
 */
import type {Command} from './types.js'

export type {Command} from './types.js'

const registry = new Map<string, () => Promise<Command>>([
  ['model', async () => (await import('./model-command.js')).modelCommand],
  ['plan', async () => (await import('./plan-command.js')).planCommand],
  ['status', async () => (await import('./status-command.js')).statusCommand],
  ['trace', async () => (await import('./trace-command.js')).traceCommand],
  ['init', async () => (await import('./init-command.js')).initCommand],
  ['done', async () => (await import('./done-command.js')).doneCommand],
  ['undo', async () => (await import('./done-command.js')).undoCommand],
  ['link', async () => (await import('./link-command.js')).linkCommand],
  ['set-status', async () => (await import('./set-status-command.js')).setStatusCommand],
  ['next', async () => (await import('./next-command.js')).nextCommand],
  ['linear', async () => (await import('./linear-command.js')).linearCommand],
  ['rules', async () => (await import('./rules-command.js')).rulesCommand]
])

export function commandNames(): string[] {
  return [...registry.keys()]
}

export async function loadCommand(name: string): Promise<Command | undefined> {
  const load = registry.get(name)
  return load ? load() : undefined
}

export async function allCommands(): Promise<Command[]> {
  return Promise.all([...registry.values()].map((load) => load()))
}
