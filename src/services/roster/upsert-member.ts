import { conflict, DomainError, type AuditContext, type Member } from '../../domain';
import { recordChange } from '../audit/record-change';
import { memberChange } from './member-change';
import { etagMatches } from '../etag-match';
import { committeeProblems, identityKeys, parseMember } from './member-checks';
import type { RosterDeps } from './roster-deps';
import { linkMemberChats } from './link-member-chats';
import { describeProblem, type RosterProblem } from './roster-problem';

export interface UpsertMemberInput {
  /** Untrusted member data (an API body): validated here. */
  readonly member: unknown;
  /**
   * The ETag the caller read, to refuse the write if the member changed since; `*` means "only if the member
   * exists". Without it the write is last-writer-wins, as the officer asked for exactly this record.
   */
  readonly ifMatch?: string;
}

export interface UpsertMemberResult {
  readonly created: boolean;
  readonly member: Member;
  readonly etag: string;
}

/** Creates or replaces one roster member after checking its committees exist and its Teams identity is its own. */
export async function upsertMember(input: UpsertMemberInput, deps: RosterDeps, by: AuditContext, now: () => Date = () => new Date()): Promise<UpsertMemberResult> {
  const result = await saveMember(input, deps);
  const event = memberChange(result.before, result.member);
  if (event !== undefined) await recordChange(deps.audit, by, event, now());
  return { created: result.created, member: result.member, etag: result.etag };
}

async function saveMember(input: UpsertMemberInput, deps: RosterDeps): Promise<UpsertMemberResult & { readonly before?: Member }> {
  const parsed = parseMember(input.member);
  if (!parsed.ok) throw invalid('The member is not valid', parsed.problems);
  const member = parsed.member;

  const problems = [...(await checkCommittees(member, deps)), ...(await checkIdentity(member, deps))];
  if (problems.length > 0) throw invalid(`Member ${member.id} cannot be saved`, problems);

  const existing = await deps.members.get(member.id);
  if (input.ifMatch !== undefined) {
    if (!existing)
      throw new DomainError('conflict', `member ${member.id} does not exist, so it cannot match the ETag sent; send it without If-Match to create it`, { id: member.id });
    if (input.ifMatch.trim() !== '*' && !etagMatches(input.ifMatch, existing.etag)) throw conflict('member', member.id);
    // replace() checks the ETag again in the store, so a change between our read and this write is still caught.
    const saved = await deps.members.replace(member, existing.etag);
    await linkMemberChats(saved.value, deps);
    return { created: false, member: saved.value, etag: saved.etag, before: existing.value };
  }
  if (!existing) {
    const result = await deps.members.create(member);
    if (result.created) {
      await linkMemberChats(result.record.value, deps);
      return { created: true, member: result.record.value, etag: result.record.etag };
    }
    // Created by someone else since our read: without If-Match the caller asked to overwrite, so fall through.
  }
  const saved = await deps.members.upsert(member);
  await linkMemberChats(saved.value, deps);
  return { created: false, member: saved.value, etag: saved.etag, ...(existing ? { before: existing.value } : {}) };
}

async function checkCommittees(member: Member, deps: RosterDeps): Promise<RosterProblem[]> {
  const ids = [...new Set(member.committees.map((c) => c.committeeId))];
  const found = await Promise.all(ids.map((id) => deps.committees.get(id)));
  // Only when one is unknown is the whole list read, so the message can name the committees that do exist.
  const known = found.every((c) => c !== undefined) ? new Set(ids) : new Set((await deps.committees.list()).map((c) => c.id));
  return committeeProblems(member, known);
}

async function checkIdentity(member: Member, deps: RosterDeps): Promise<RosterProblem[]> {
  const problems: RosterProblem[] = [];
  for (const { field, shown } of identityKeys(member)) {
    const holder = field === 'email' ? await deps.members.findByEmail(shown) : await deps.members.findByAadObjectId(shown);
    if (holder && holder.value.id !== member.id)
      problems.push({ field, message: `${shown} is already linked to member ${holder.value.id} (${holder.value.name}); each Teams identity belongs to one member` });
  }
  return problems;
}

function invalid(summary: string, problems: RosterProblem[]): DomainError {
  return new DomainError('invalid', `${summary}: ${problems.map(describeProblem).join('; ')}`, {
    errors: problems.map((p) => ({ where: p.field ?? 'member', message: p.message })),
  });
}
