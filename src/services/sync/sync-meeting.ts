import { createHash } from 'node:crypto';
import { DomainError, sitsOn, type Committee, type MembershipProposal, type SyncFailure, type SyncedMeeting } from '../../domain';
import { agendaItemExternalId } from '../../import/source-keys';
import type { MeetingXml } from '../../import/meeting-xml-parser';
import type { Store } from '../../store/port';
import { meetingItemDecisionDraft } from '../../import/meeting-item-decision';
import { importDraft, importPage } from '../import-page';
import type { NotificationDeps } from '../notifications/notification-deps';
import type { PageReader } from '../page-reader';
import type { ModernGovSite } from './moderngov-site';

/** Who the records' history names for what the sync imported. */
export const SYNC_IMPORTER = 'moderngov-sync';

export interface SyncMeetingDeps {
  readonly store: Store;
  readonly pages: PageReader;
  readonly site: ModernGovSite;
  readonly notifications?: Omit<NotificationDeps, 'store' | 'now'>;
}

export type MeetingOutcome =
  | { readonly result: 'imported' | 'unchanged'; readonly failures: SyncFailure[]; readonly membershipProposals: MembershipProposal[] }
  | { readonly result: 'failed'; readonly failures: SyncFailure[] };

/** Attendees who are on the roster (by ModernGov member id) but do not sit on the committee: proposals, never grants. */
async function proposalsFrom(meeting: MeetingXml, committee: Committee, store: Store): Promise<MembershipProposal[]> {
  if (meeting.attendees.length === 0) return [];
  const members = await store.members.list();
  return meeting.attendees.flatMap((a): MembershipProposal[] => {
    const member = members.find((m) => m.modernGovMemberId === a.modernGovMemberId);
    if (!member || sitsOn(member, committee.id)) return [];
    return [{ memberId: member.id, name: member.name, modernGovMemberId: a.modernGovMemberId, ...(a.role ? { role: a.role } : {}), modernGovMeetingId: meeting.modernGovId }];
  });
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const failureOf = (modernGovMeetingId: string, where: string, why: string): SyncFailure => ({
  modernGovMeetingId, where: where.slice(0, 1000), why: why.slice(0, 2000),
});

/** A DomainError from the import names where in the page; anything else is reported as it is. */
const whyOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const FROM_MEETING_TEXT = "Meanwhile the decision is recorded from GetMeeting's text (its call-in facts unknown until its page can be fetched, which is tried again next sync).";

/**
 * When a published decision's page cannot be fetched (an error, a login page, not there), its words are in GetMeeting
 * (decisionnonemptyhtmlbody): recorded from there through the same import, so members are not kept from a decision the
 * council has published; key decision, call-in and publication date stay unknown, and the status says so, until the
 * page completes the record (found by its agenda item). A decision already held from a fuller source is left alone.
 */
async function decisionFromMeetingText(
  meeting: MeetingXml, agendaItemModernGovId: string, committee: Committee, meetingId: string, agendaItemId: string,
  options: { readonly dryRun: boolean; readonly now: Date }, deps: SyncMeetingDeps,
): Promise<'recorded' | 'unchanged' | 'none'> {
  const draft = meetingItemDecisionDraft(meeting, agendaItemModernGovId);
  if (!draft) return 'none';
  const held = await deps.store.decisions.findByAgendaItem(committee.id, agendaItemId);
  if (held && held.value.source?.kind !== 'moderngov-meeting-xml') return 'none';
  try {
    const imported = await importDraft(draft, {
      committeeId: committee.id, meetingId, agendaItemId, dryRun: options.dryRun, importedBy: SYNC_IMPORTER, importedVia: 'sync', now: options.now,
    }, { store: deps.store, pages: deps.pages, ...(deps.notifications ? { notifications: deps.notifications } : {}) });
    return imported.writes.some((w) => w.action !== 'unchanged') ? 'recorded' : 'unchanged';
  } catch {
    return 'none';
  }
}

/**
 * Syncs one meeting a GetMeetings answer listed under `committee`: fetches its GetMeeting answer; when the answer is
 * byte for byte what the last sync imported, writes nothing; otherwise imports it through the officer API's import
 * use case (same records, history, ids, warnings and notifications), placed under the committee it was listed under.
 * Then each decision ModernGov marks published and not yet imported is imported from its decision page, linked to
 * its agenda item. Every failure is located and answered, never stored as data, and never removes anything.
 */
export async function syncMeeting(
  committee: Committee, modernGovMeetingId: string, options: { readonly dryRun: boolean; readonly now: Date }, deps: SyncMeetingDeps,
): Promise<MeetingOutcome> {
  const { store, pages, site } = deps;
  const answer = await site.meeting(modernGovMeetingId);
  if (!answer.ok) return { result: 'failed', failures: [failureOf(modernGovMeetingId, answer.url, answer.why)] };
  const read = await pages.read({ kind: 'meeting-xml', text: answer.text, sourceUrl: answer.url });
  if (!read.ok) return { result: 'failed', failures: [failureOf(modernGovMeetingId, `${answer.url} (${read.error.where})`, read.error.message)] };
  const meeting: MeetingXml = read.value;
  if (meeting.modernGovId !== modernGovMeetingId) {
    return { result: 'failed', failures: [failureOf(modernGovMeetingId, answer.url, `The site answered meeting ${meeting.modernGovId} when asked for ${modernGovMeetingId}.`)] };
  }

  const contentHash = sha256(answer.text);
  const before = await store.sync.getMeeting(committee.id, modernGovMeetingId);
  let changed = false;
  let meetingId = before?.meetingId;
  if (before?.contentHash !== contentHash) {
    try {
      const imported = await importPage({
        body: answer.text, contentType: 'application/xml', committeeId: committee.id, sourceUrl: answer.url,
        dryRun: options.dryRun, importedBy: SYNC_IMPORTER, importedVia: 'sync', now: options.now,
      }, { store, pages, ...(deps.notifications ? { notifications: deps.notifications } : {}) });
      changed = imported.writes.some((w) => w.action !== 'unchanged');
      meetingId = imported.meeting?.id;
    } catch (err) {
      return { result: 'failed', failures: [failureOf(modernGovMeetingId, `${answer.url}${err instanceof DomainError && typeof err.details?.where === 'string' ? ` (${err.details.where})` : ''}`, whyOf(err))] };
    }
  }
  if (!meetingId) return { result: 'failed', failures: [failureOf(modernGovMeetingId, answer.url, 'The meeting was not recorded.')] };

  // Decisions published on its items, each from its own page; one that is not there yet is tried again next time.
  const failures: SyncFailure[] = [];
  const decisionPagesImported = [...(before?.decisionPagesImported ?? [])];
  for (const item of meeting.agendaItems) {
    if (item.decisionPublished !== true || decisionPagesImported.includes(item.modernGovId)) continue;
    const decisionPage = await site.decisionPage(item.modernGovId);
    const agendaItem = options.dryRun ? undefined : await store.agendaItems.findBySource({ externalId: agendaItemExternalId(item.modernGovId) });
    /** The page could not be had: the decision from GetMeeting's own text meanwhile, said in the failure. */
    const pageFailed = async (url: string, why: string): Promise<void> => {
      const recorded = agendaItem ? await decisionFromMeetingText(meeting, item.modernGovId, committee, meetingId!, agendaItem.value.id, options, deps) : 'none';
      if (recorded === 'recorded') changed = true;
      failures.push(failureOf(modernGovMeetingId, url, recorded === 'none' ? why : `${why} ${FROM_MEETING_TEXT}`));
    };
    if (!decisionPage.ok) {
      await pageFailed(decisionPage.url, decisionPage.why);
      continue;
    }
    try {
      const imported = await importPage({
        body: decisionPage.text, contentType: 'text/html', committeeId: committee.id, sourceUrl: decisionPage.url,
        ...(agendaItem ? { agendaItemId: agendaItem.value.id } : {}),
        dryRun: options.dryRun, importedBy: SYNC_IMPORTER, importedVia: 'sync', now: options.now,
      }, { store, pages, ...(deps.notifications ? { notifications: deps.notifications } : {}) });
      changed = changed || imported.writes.some((w) => w.action !== 'unchanged');
      decisionPagesImported.push(item.modernGovId);
    } catch (err) {
      await pageFailed(decisionPage.url, whyOf(err));
    }
  }

  // Nothing new seen: nothing written, not even the time of this look.
  const seenMore = before?.contentHash !== contentHash || decisionPagesImported.length !== (before?.decisionPagesImported.length ?? 0);
  if (!options.dryRun && seenMore) {
    const seen: SyncedMeeting = {
      committeeId: committee.id, modernGovMeetingId, meetingId, contentHash, agendaPublished: meeting.agendaPublished === true,
      decisionPagesImported, syncedAt: options.now.toISOString(),
    };
    await store.sync.putMeeting(seen);
  }
  return { result: changed ? 'imported' : 'unchanged', failures, membershipProposals: await proposalsFrom(meeting, committee, store) };
}
