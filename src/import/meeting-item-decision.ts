/**
 * One agenda item's decision as GetMeeting itself states it: kept apart from read-page.ts (every page kind, HTML
 * parsing included) because the ModernGov sync needs only this, and should not load an HTML parser into the bot's
 * main thread for it (the pages themselves are read in the parse pool's worker).
 */
import type { DecisionDraft, ImportDraft } from './import-draft';
import type { MeetingXml } from './meeting-xml-parser';
import { readOutcomes, type ParsedOutcome } from './outcome-line';

/** A decision's outcomes with the verb every stored outcome has (DECIDED where the page named none). */
export const outcomesWithVerbs = (outcomes: readonly ParsedOutcome[]): DecisionDraft['outcomes'] =>
  outcomes.map((o) => ({ ...o, verb: o.verb ?? 'DECIDED', text: o.text || (o.verb ?? 'DECIDED').toLowerCase() }));

/** The key of a decision recorded from GetMeeting's text: its decision page, when it comes, finds it by its agenda item. */
export const meetingXmlDecisionExternalId = (agendaItemModernGovId: string): string => `moderngov-meeting-xml-decision:${agendaItemModernGovId}`;

/**
 * One item's decision from what GetMeeting itself says (isdecisionpublished, decisionnonemptyhtmlbody), for when the
 * decision page cannot be fetched. It holds only the decision's words: key decision, call-in, publication date and
 * decision maker are on the page alone, so they are left unknown (never guessed), and the page completes the record
 * when it arrives. Undefined when ModernGov has published no decision text for the item.
 */
export function meetingItemDecisionDraft(page: MeetingXml, agendaItemModernGovId: string): ImportDraft | undefined {
  const item = page.agendaItems.find((i) => i.modernGovId === agendaItemModernGovId);
  if (!item || item.decisionPublished !== true || !item.decisionText) return undefined;
  const outcomes = readOutcomes(item.decisionText.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== ''));
  if (outcomes.length === 0) return undefined;
  return {
    pageKind: 'meeting-xml-decision',
    committeeNames: page.committeeTitle ? [page.committeeTitle] : [],
    ...(page.modernGovCommitteeId ? { modernGovCommitteeId: page.modernGovCommitteeId } : {}),
    agendaItems: [],
    decision: {
      // Its id alone: the GetMeeting address is every item's, so it would find another item's decision.
      key: { externalId: meetingXmlDecisionExternalId(agendaItemModernGovId) },
      sourceKind: 'moderngov-meeting-xml',
      outcomes: outcomesWithVerbs(outcomes),
      modernGovMeetingId: page.modernGovId,
      fields: {
        title: item.title,
        // GetMeeting names the committee at most; the import names the committee it places the meeting under.
        decisionMaker: page.committeeTitle ?? 'Unknown',
        type: 'unknown',
        reasons: [],
        alternatives: [],
        minutes: [],
        discussionPoints: [],
        documents: [],
        exempt: item.restricted,
      },
    },
    warnings: [],
  };
}
