import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {editSpec, EditRefused} from './spec-edits.js'
import type {SpecEdit, SpecEditResult} from './spec-edits.js'

/*
 * An edit with the linter's word on it: the text before and after is
 * linted (by whatever lints the file: the engine with its configuration in
 * the CLI, `lint()` in tests), and an edit that adds a finding is refused
 * unless forced. This is what keeps a lint-clean spec lint-clean.
 */

export type LintText = (text: string) => Promise<VFile>

export interface CheckedEditResult extends SpecEditResult {
  /** The linted edited text (its messages are what the linter says now). */
  after: VFile
  /** Findings the edit added (empty unless forced). */
  added: VFileMessage[]
}

/** A message without its place, so the same finding matches across an edit that shifts columns. */
function findingKey(message: VFileMessage): string {
  return `${message.ruleId ?? ''}\u0000${message.reason.replace(/\(\d+:\d+\)/g, '')}`
}

/** Messages in `after` that `before` did not have (by rule and reason, counted). */
export function newFindings(before: readonly VFileMessage[], after: readonly VFileMessage[]): VFileMessage[] {
  const left = new Map<string, number>()
  for (const message of before) left.set(findingKey(message), (left.get(findingKey(message)) ?? 0) + 1)
  const added: VFileMessage[] = []
  for (const message of after) {
    const key = findingKey(message)
    const count = left.get(key) ?? 0
    if (count > 0) left.set(key, count - 1)
    else added.push(message)
  }
  return added
}

/** Refused because of what the linter would say; `added` has the new findings. */
export class LintRefused extends EditRefused {
  override name = 'LintRefused'
  constructor(
    message: string,
    readonly added: VFileMessage[],
    readonly result: SpecEditResult
  ) {
    super(message)
  }
}

export async function checkedEdit(text: string, edit: SpecEdit, options: {lint: LintText; path?: string; force?: boolean}): Promise<CheckedEditResult> {
  const result = editSpec(text, edit, {path: options.path})
  if (result.edits.length === 0) return {...result, after: await options.lint(text), added: []}
  const [before, after] = [await options.lint(text), await options.lint(result.text)]
  const added = newFindings(before.messages, after.messages)
  if (added.length > 0 && !options.force) {
    const what = added.length === 1 ? 'a lint message' : `${added.length} lint messages`
    throw new LintRefused(
      `Unexpected ${what} after the edit (${result.changes.join('; ')}), expected none new; the spec is left as it was (\`--force\` writes it)`,
      added,
      result
    )
  }
  return {...result, after, added}
}
