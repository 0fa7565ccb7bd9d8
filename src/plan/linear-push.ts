import type {LinearDocument, LinearIssue} from './linear.js'

/*
 * Creating a plan's issues in Linear. The transport is injected (the CLI
 * passes @linear/sdk's GraphQL client), so this module stays free of the
 * network and the steps are plain: find the team, find or create the
 * labels, create each issue not yet linked, then the blocked-by relations.
 */

export type GraphqlRequest = <T>(document: string, variables: Record<string, unknown>) => Promise<T>

const teamsQuery = `query SpecLintTeams {
  teams(first: 250) { nodes { id key name labels(first: 250) { nodes { id name } } } }
}`
const labelMutation = `mutation SpecLintCreateLabel($input: IssueLabelCreateInput!) {
  issueLabelCreate(input: $input) { success issueLabel { id name } }
}`
const issueMutation = `mutation SpecLintCreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier } }
}`
const relationMutation = `mutation SpecLintCreateRelation($input: IssueRelationCreateInput!) {
  issueRelationCreate(input: $input) { success }
}`

interface TeamNode {
  id: string
  key: string
  name: string
  labels: {nodes: Array<{id: string; name: string}>}
}

export interface PushResult {
  /** Chunk key → issue identifier, for the issues created now. */
  created: Record<string, string>
  /** Chunks that already had an issue id. */
  skipped: string[]
  relations: number
}

export class PushError extends Error {
  override name = 'PushError'
}

/**
 * Create the issues; `result` fills in as they are made, so a caller still
 * has the issues created before a failure and can write their ids back.
 */
export async function pushToLinear(
  doc: LinearDocument,
  team: string,
  request: GraphqlRequest,
  result: PushResult = {created: {}, skipped: [], relations: 0}
): Promise<PushResult> {
  const {teams} = await request<{teams: {nodes: TeamNode[]}}>(teamsQuery, {})
  const wanted = team.trim().toLowerCase()
  const found = teams.nodes.find((t) => t.key.toLowerCase() === wanted || t.name.toLowerCase() === wanted)
  if (!found)
    throw new PushError(`Unknown team \`${team}\`, expected one of ${teams.nodes.map((t) => `\`${t.key}\``).join(', ') || 'the teams of this API key (none)'}`)

  const labelIds = new Map(found.labels.nodes.map((label) => [label.name.toLowerCase(), label.id]))
  const labelId = async (name: string): Promise<string> => {
    const known = labelIds.get(name.toLowerCase())
    if (known) return known
    const {issueLabelCreate} = await request<{issueLabelCreate: {success: boolean; issueLabel: {id: string} | null}}>(labelMutation, {
      input: {name, teamId: found.id}
    })
    if (!issueLabelCreate.success || !issueLabelCreate.issueLabel) throw new PushError(`Linear did not create the label \`${name}\``)
    labelIds.set(name.toLowerCase(), issueLabelCreate.issueLabel.id)
    return issueLabelCreate.issueLabel.id
  }

  // Identifiers work wherever Linear takes an issue id: linked chunks keep theirs.
  const idOf = new Map<string, string>()
  const fresh: LinearIssue[] = []
  for (const issue of doc.issues) {
    if (issue.issueId) {
      idOf.set(issue.key, issue.issueId)
      result.skipped.push(issue.key)
      continue
    }
    const labels: string[] = []
    for (const name of issue.labels) labels.push(await labelId(name))
    const {issueCreate} = await request<{issueCreate: {success: boolean; issue: {id: string; identifier: string} | null}}>(issueMutation, {
      input: {teamId: found.id, title: issue.title, description: issue.description, labelIds: labels}
    })
    if (!issueCreate.success || !issueCreate.issue) throw new PushError(`Linear did not create the issue for chunk \`${issue.key}\``)
    idOf.set(issue.key, issueCreate.issue.id)
    result.created[issue.key] = issueCreate.issue.identifier
    fresh.push(issue)
  }
  for (const issue of fresh) {
    for (const blocker of issue.blockedBy) {
      const from = idOf.get(blocker)
      const to = idOf.get(issue.key)
      if (!from || !to) continue
      await request(relationMutation, {input: {issueId: from, relatedIssueId: to, type: 'blocks'}})
      result.relations++
    }
  }
  return result
}
