import { parseAgendaItemText, type AgendaItemTextPage } from './agenda-item-text-parser';
import { parseDecisionDetailsHtml, type DecisionDetailsPage } from './decision-details-parser';
import { parseDecisionsListHtml } from './decisions-list-parser';
import { documentLink, type ImportDraft } from './import-draft';
import { loadHtml, modernGovPageKind, pageTitle } from './moderngov-html';
import { outcomesWithVerbs } from './meeting-item-decision';
import { parseMeetingXml, type MeetingXml } from './meeting-xml-parser';
import { parseError, parsed, type ParseResult } from './parse-result';
import {
  agendaItemExternalId, agendaItemIdFromUrl, decisionExternalId, decisionIdFromUrl, fingerprintExternalId, meetingExternalId,
  sourceKeyOf,
} from './source-keys';

/** The page formats the importer reads, by their media type. */
export type PageMediaType = 'text/plain' | 'text/html' | 'application/xml' | 'text/xml';

function agendaItemTextDraft(page: AgendaItemTextPage, sourceUrl: string | undefined): ImportDraft {
  const modernGovId = agendaItemIdFromUrl(sourceUrl);
  const externalId = modernGovId
    ? agendaItemExternalId(modernGovId)
    : sourceUrl ? undefined : fingerprintExternalId('moderngov-agenda-item', page.titleAsPublished, page.decisionMaker);
  const key = sourceKeyOf(sourceUrl, externalId);
  const exempt = page.exemptReason !== undefined;
  const documents = page.documents.map((d) => documentLink({ ...d, restricted: exempt }));
  const hasDecision = page.outcomes.length > 0;
  return {
    pageKind: 'agenda-item-text',
    committeeNames: page.decisionMaker ? [page.decisionMaker] : [],
    agendaItems: [{
      key,
      sourceKind: 'moderngov-agenda-item',
      where: 'agenda item',
      fields: {
        title: page.title,
        titleAsPublished: page.titleAsPublished,
        ...(page.number ? { number: page.number } : {}),
        ...(page.summary.length > 0 ? { summary: page.summary.join('\n\n') } : {}),
        ...(page.portfolioHolder ? { portfolioHolder: page.portfolioHolder } : {}),
        ...(page.leadOfficer ? { leadOfficer: page.leadOfficer } : {}),
        ...(documents.length > 0 ? { documents } : {}),
        exempt,
        ...(page.exemptReason ? { exemptReason: page.exemptReason } : {}),
      },
    }],
    ...(hasDecision ? {
      decision: {
        key,
        sourceKind: 'moderngov-agenda-item',
        outcomes: outcomesWithVerbs(page.outcomes),
        fields: {
          title: page.title,
          decisionMaker: page.decisionMaker ?? 'Unknown',
          type: page.decisionType ?? 'unknown',
          reasons: page.reasons,
          alternatives: page.alternatives,
          minutes: page.minutes,
          discussionPoints: page.discussionPoints,
          documents,
          exempt,
        },
      },
    } : {}),
    warnings: [],
  };
}

function decisionDetailsDraft(page: DecisionDetailsPage, sourceUrl: string | undefined): ImportDraft {
  const modernGovId = decisionIdFromUrl(sourceUrl);
  const externalId = modernGovId
    ? decisionExternalId(modernGovId)
    : sourceUrl ? undefined : fingerprintExternalId('moderngov-decision', page.titleAsPublished, page.decisionMaker, page.decidedOn);
  const exempt = page.exemptReason !== undefined;
  return {
    pageKind: 'decision-details',
    committeeNames: [page.decisionMaker, page.meeting?.committeeName].filter((n): n is string => n !== undefined),
    ...(page.meeting?.modernGovCommitteeId ? { modernGovCommitteeId: page.meeting.modernGovCommitteeId } : {}),
    agendaItems: [],
    decision: {
      key: sourceKeyOf(sourceUrl, externalId),
      sourceKind: 'moderngov-decision',
      outcomes: outcomesWithVerbs(page.outcomes),
      ...(page.meeting?.modernGovMeetingId ? { modernGovMeetingId: page.meeting.modernGovMeetingId } : {}),
      fields: {
        title: page.title,
        decisionMaker: page.decisionMaker ?? 'Unknown',
        type: page.decisionType ?? 'unknown',
        ...(page.subjectToCallIn !== undefined ? { subjectToCallIn: page.subjectToCallIn } : {}),
        ...(page.purpose.length > 0 ? { purpose: page.purpose.join('\n\n') } : {}),
        ...(page.status ? { publishedStatus: page.status } : {}),
        ...(page.decidedOn ? { decidedOn: page.decidedOn } : {}),
        ...(page.publishedOn ? { publishedOn: page.publishedOn } : {}),
        reasons: page.reasons,
        alternatives: page.alternatives,
        minutes: [],
        discussionPoints: [],
        documents: page.documents.map((d) => documentLink({ ...d, restricted: d.restricted || exempt })),
        exempt,
      },
    },
    warnings: [],
  };
}

function meetingXmlDraft(page: MeetingXml, sourceUrl: string | undefined): ImportDraft {
  return {
    pageKind: 'meeting-xml',
    committeeNames: page.committeeTitle ? [page.committeeTitle] : [],
    ...(page.modernGovCommitteeId ? { modernGovCommitteeId: page.modernGovCommitteeId } : {}),
    meeting: {
      key: sourceKeyOf(sourceUrl, meetingExternalId(page.modernGovId)),
      modernGovId: page.modernGovId,
      ...(page.date ? { date: page.date } : {}),
      ...(page.time ? { time: page.time } : {}),
      ...(page.location ? { venue: page.location } : {}),
      ...(page.state ? { state: page.state } : {}),
      ...(page.agendaPublished !== undefined ? { agendaPublished: page.agendaPublished } : {}),
    },
    agendaItems: page.agendaItems.map((item) => ({
      // The web service's agenda-item id is the item page's (mgAi.aspx?ID=): either import finds the other's record.
      key: { externalId: agendaItemExternalId(item.modernGovId) },
      sourceKind: 'moderngov-meeting-xml',
      where: `agenda item ${item.number ?? '?'} (ModernGov id ${item.modernGovId})`,
      fields: {
        title: item.title,
        titleAsPublished: item.titleAsPublished,
        ...(item.number ? { number: item.number } : {}),
        ...(item.text ? { summary: item.text } : {}),
        ...(item.minutes ? { minutes: item.minutes } : {}),
        ...(item.documents.length > 0 ? { documents: item.documents.map((d) => documentLink(d)) } : {}),
        ...(item.isDecision !== undefined ? { forDecision: item.isDecision } : {}),
        exempt: item.restricted,
        ...(item.restricted ? { exemptReason: 'Marked restricted in ModernGov' } : {}),
      },
    })),
    warnings: [],
  };
}

const withWarnings = (draft: ImportDraft, result: { warnings: ImportDraft['warnings'] }): ImportDraft => ({
  ...draft,
  warnings: [...result.warnings, ...draft.warnings],
});

/**
 * Reads a ModernGov page of any supported kind into an import draft: plain text is an agenda-item page,
 * HTML a decision-details page, XML a GetMeeting answer. A decisions list is answered with its rows'
 * links, since each decision is imported from its own details page.
 */
export function readModernGovPage(text: string, mediaType: PageMediaType, sourceUrl?: string): ParseResult<ImportDraft> {
  switch (mediaType) {
    case 'text/plain': {
      const result = parseAgendaItemText(text);
      return result.ok ? parsed(withWarnings(agendaItemTextDraft(result.value, sourceUrl), result)) : result;
    }
    case 'text/html': {
      const $ = loadHtml(text);
      const kind = modernGovPageKind($);
      if (kind === 'decisions-list') {
        const list = parseDecisionsListHtml(text, sourceUrl);
        if (!list.ok) return list;
        const decisions = list.value.entries.filter((e) => e.isDecision);
        const links = decisions.slice(0, 20).map((e) => `${e.title}: ${e.url ?? e.href}`);
        return parseError('page', `This is a ModernGov decisions list with ${decisions.length} decision(s); import each decision's details page instead:\n${links.join('\n')}`);
      }
      if (kind === 'not-moderngov') {
        const title = pageTitle($);
        return parseError('page', `This HTML page${title ? ` ("${title}")` : ''} is not a ModernGov page: expected a decision-details page (ieDecisionDetails.aspx).`);
      }
      const result = parseDecisionDetailsHtml(text, sourceUrl);
      return result.ok ? parsed(withWarnings(decisionDetailsDraft(result.value, sourceUrl), result)) : result;
    }
    case 'application/xml':
    case 'text/xml': {
      const result = parseMeetingXml(text, sourceUrl);
      return result.ok ? parsed(withWarnings(meetingXmlDraft(result.value, sourceUrl), result)) : result;
    }
  }
}
