import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { findExemptMention } from './exempt-mention';
import { warning, type ImportWarning } from './import-warning';
import { resolveLink } from './moderngov-html';
import { parseError, parsed, type ParseResult } from './parse-result';
import { normaliseSpaces } from './plain-text';
import { readableTitle } from './title-case';
import { readUkDate } from './uk-date';
import { readWebServiceXml } from './web-service-xml';
import { readBoolean } from './xml-values';
import { wordHtmlToText } from './word-html-text';

export interface MeetingXmlDocument {
  readonly title: string;
  /** The link as the answer gives it. */
  readonly href?: string;
  /** Absolute: as given, or resolved against the address the answer came from. */
  readonly url?: string;
  readonly restricted: boolean;
  /** yyyy-mm-dd, from <publicationdate>. */
  readonly publishedOn?: string;
}

export interface MeetingXmlAgendaItem {
  readonly modernGovId: string;
  readonly number?: string;
  readonly titleAsPublished: string;
  readonly title: string;
  readonly isDecision?: boolean;
  /** The item itself is marked restricted (exempt). */
  readonly restricted: boolean;
  readonly documents: MeetingXmlDocument[];
  /** <agendatext>, Word HTML made plain text. */
  readonly text?: string;
  /** <minutesnonemptyhtmlbody>, made plain text. */
  readonly minutes?: string;
  /** <isdecisionpublished>: ModernGov has published the decision on this item. */
  readonly decisionPublished?: boolean;
  /** <decisionnonemptyhtmlbody>, made plain text. */
  readonly decisionText?: string;
}

/** One of <attendees>: who ModernGov expects (or recorded) at the meeting, in which role. */
export interface MeetingXmlAttendee {
  readonly modernGovMemberId: string;
  readonly name: string;
  /** "Committee Member", "Chair", "Substitute" ... as ModernGov says. */
  readonly role?: string;
  /** "Expected", "Present", "Apologies" ... */
  readonly attendance?: string;
}

/** The states of <meetingstatus> the bot records; "Confirmed" and the others are a meeting going ahead. */
export type MeetingXmlState = 'cancelled' | 'postponed';

/** What the ModernGov web service's GetMeeting answer says. */
export interface MeetingXml {
  readonly modernGovId: string;
  /** yyyy-mm-dd */
  readonly date?: string;
  /** HH:MM, Europe/London, as published. */
  readonly time?: string;
  readonly committeeTitle?: string;
  readonly modernGovCommitteeId?: string;
  readonly location?: string;
  /** <meetingstatus> as published ("Confirmed", "Cancelled" ...). */
  readonly statusAsPublished?: string;
  /** Cancelled or Postponed, when ModernGov says so. */
  readonly state?: MeetingXmlState;
  /** <agendapublished>: absent in answers that do not say. */
  readonly agendaPublished?: boolean;
  readonly agendaItems: MeetingXmlAgendaItem[];
  readonly attendees: MeetingXmlAttendee[];
}

/** Element text; the parser keeps every value as a string (parseTagValue: false) so ids like "0012" survive. */
const Text = z.string().optional();
/** An element that may be empty (<linkeddocuments/>), which the parser reads as "". */
const listOf = <T extends z.ZodTypeAny>(key: string, item: T) =>
  z.union([z.literal(''), z.object({ [key]: z.array(item).default([]) })]).optional()
    .transform((v) => (v && typeof v === 'object' ? (v[key] as z.infer<T>[]) : []));

const LinkedDocXml = z.object({ title: Text, url: Text, isrestricted: Text, publicationdate: Text });
const AgendaItemXml = z.object({
  agendaitemid: Text,
  agendaitemtitle: Text,
  agendaitemnumber: Text,
  fulldisplaynumberformat: Text,
  isdecision: Text,
  isrestricted: Text,
  agendatext: Text,
  minutesnonemptyhtmlbody: Text,
  isdecisionpublished: Text,
  decisionnonemptyhtmlbody: Text,
  linkeddocuments: listOf('linkeddoc', LinkedDocXml),
});
/** Attributes, as the parser reads them (prefixed "@_"); an attendee's <url> and photos are not needed. */
const AttendeeXml = z.object({
  '@_memberid': Text,
  '@_name': Text,
  '@_roledescription': Text,
  '@_attendance': Text,
});
/** ModernGov's own ids are digits; anything else in their place is not a ModernGov answer. */
const MODERNGOV_ID = /^\d{1,12}$/;

const MeetingXmlSchema = z.object({
  meetingid: z.string().min(1, 'is empty').transform((v) => v.trim()).pipe(z.string().regex(MODERNGOV_ID, "is not a ModernGov meeting id (digits)")),
  meetingdate: Text,
  meetingtime: Text,
  committeeid: Text,
  committeetitle: Text,
  committeename: Text,
  meetinglocation: Text,
  meetingstatus: Text,
  agendapublished: Text,
  agendaitems: listOf('agendaitem', AgendaItemXml),
  attendees: listOf('attendee', AttendeeXml),
});

/** Elements that repeat, read as arrays even when there is one. */
const REPEATED = new Set(['agendaitem', 'linkeddoc', 'attendee']);

const xmlParser = new XMLParser({
  // Only <attendee> says what it says in attributes (memberid, name, roledescription); elsewhere an attribute
  // would turn a value into an object.
  ignoreAttributes: (_name, jPath) => !/(^|\.)attendee$/i.test(String(jPath)),
  attributeNamePrefix: '@_',
  transformAttributeName: (name) => name.toLowerCase(),
  parseAttributeValue: false,
  removeNSPrefix: true, // the SOAP envelope's soap: and the service's own prefixes
  transformTagName: (name) => name.toLowerCase(),
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name.toLowerCase()),
});


/** ModernGov's own words for a meeting that will not take place as listed. */
function meetingState(status: string): MeetingXmlState | undefined {
  const s = status.toLowerCase();
  if (s === 'cancelled' || s === 'canceled') return 'cancelled';
  if (s === 'postponed') return 'postponed';
  return undefined;
}

/** The element holding <meetingid>, wherever the answer wraps it (plain GetMeeting, or a SOAP envelope). */
function findMeeting(node: unknown, depth = 0): Record<string, unknown> | undefined {
  if (depth > 8 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findMeeting(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if ('meetingid' in record) return record;
  for (const child of Object.values(record)) {
    const found = findMeeting(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads the ModernGov web service's GetMeeting answer (mgWebService.asmx/GetMeeting). Elements are matched
 * without regard to case or namespace prefix. An HTML page in its place, malformed XML and XML without a
 * meeting are each a located error. `baseUrl`, the address the answer came from, makes relative links absolute.
 */
export function parseMeetingXml(xml: string, baseUrl?: string): ParseResult<MeetingXml> {
  const read = readWebServiceXml(xml, 'GetMeeting', xmlParser);
  if (!read.ok) return read;
  const { tree, root } = read.value;
  const found = findMeeting(tree);
  if (!found) {
    return parseError(root ? `<${root}>` : 'document', `This XML${root ? ` (root element <${root}>)` : ''} has no <meetingid>: it is not a GetMeeting answer.`);
  }
  const result = MeetingXmlSchema.safeParse(found);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return parseError(`meeting/${issue.path.join('/')}`, `The GetMeeting answer is not as expected at <${issue.path.join('/') || 'meeting'}>: ${issue.message}.`);
  }
  const meeting = result.data;
  const warnings: ImportWarning[] = [];
  const date = meeting.meetingdate ? readUkDate(meeting.meetingdate) : undefined;
  if (meeting.meetingdate && !date) {
    warnings.push(warning('date-unreadable', 'meeting/meetingdate', `"${meeting.meetingdate}" is not a date written dd/mm/yyyy.`));
  }
  const time = /^(\d{1,2}[:.]\d{2})/.exec(meeting.meetingtime ?? '')?.[1]?.replace('.', ':');

  const agendaItems: MeetingXmlAgendaItem[] = [];
  meeting.agendaitems.forEach((item, i) => {
    const where = `agenda item ${i + 1}`;
    const titleAsPublished = normaliseSpaces(item.agendaitemtitle ?? '');
    const id = normaliseSpaces(item.agendaitemid ?? '');
    if (!id || !titleAsPublished) {
      warnings.push(warning('nothing-to-import', where, `The agenda item has no ${id ? 'title' : 'agendaitemid'}; it was left out.`));
      return;
    }
    if (!MODERNGOV_ID.test(id)) {
      warnings.push(warning('nothing-to-import', where, `The agenda item's agendaitemid "${id.slice(0, 40)}" is not a ModernGov id (digits); it was left out.`));
      return;
    }
    const documents = item.linkeddocuments.flatMap((doc): MeetingXmlDocument[] => {
      const title = normaliseSpaces(doc.title ?? '');
      const href = normaliseSpaces(doc.url ?? '');
      if (!title && !href) return [];
      const url = href ? resolveLink(href, baseUrl) : undefined;
      if (href && !url) {
        warnings.push(warning('document-url-unresolved', `${where}, document "${title || href}"`,
          `The link "${href}" is relative; give the address the answer came from (sourceUrl / --source-url) to keep it.`));
      }
      const publishedOn = doc.publicationdate ? readUkDate(normaliseSpaces(doc.publicationdate)) : undefined;
      return [{
        title: title || href, ...(href ? { href } : {}), ...(url ? { url } : {}), restricted: readBoolean(doc.isrestricted) === true,
        ...(publishedOn ? { publishedOn } : {}),
      }];
    });
    const restricted = readBoolean(item.isrestricted) === true || findExemptMention(titleAsPublished) !== undefined;
    if (restricted || documents.some((d) => d.restricted)) {
      const which = documents.filter((d) => d.restricted).map((d) => `"${d.title}"`);
      warnings.push(warning('restricted-or-exempt', `${where} (ModernGov id ${id})`,
        restricted
          ? 'The item is marked restricted (exempt); it will only be shown to the committee.'
          : `Restricted documents: ${which.join(', ')}; they will only be shown to the committee.`));
    }
    // The number as printed ("9."): agendaitemnumber is ModernGov's internal order (12 for the ninth item).
    const number = normaliseSpaces(item.fulldisplaynumberformat ?? '').replace(/\.$/, '') || normaliseSpaces(item.agendaitemnumber ?? '');
    const isDecision = readBoolean(item.isdecision);
    const text = wordHtmlToText(item.agendatext);
    const minutes = wordHtmlToText(item.minutesnonemptyhtmlbody);
    const decisionPublished = readBoolean(item.isdecisionpublished);
    const decisionText = wordHtmlToText(item.decisionnonemptyhtmlbody);
    agendaItems.push({
      modernGovId: id,
      ...(number ? { number } : {}),
      titleAsPublished,
      title: readableTitle(titleAsPublished),
      ...(isDecision !== undefined ? { isDecision } : {}),
      restricted,
      documents,
      ...(text ? { text } : {}),
      ...(minutes ? { minutes } : {}),
      ...(decisionPublished !== undefined ? { decisionPublished } : {}),
      ...(decisionText ? { decisionText } : {}),
    });
  });
  const attendees = meeting.attendees.flatMap((a, i): MeetingXmlAttendee[] => {
    const id = normaliseSpaces(a['@_memberid'] ?? '');
    const name = normaliseSpaces(a['@_name'] ?? '');
    if (!MODERNGOV_ID.test(id) || !name) {
      warnings.push(warning('nothing-to-import', `attendee ${i + 1}`, 'The attendee has no ModernGov member id (digits) or no name; it was left out.'));
      return [];
    }
    const role = normaliseSpaces(a['@_roledescription'] ?? '');
    const attendance = normaliseSpaces(a['@_attendance'] ?? '');
    return [{ modernGovMemberId: id, name, ...(role ? { role } : {}), ...(attendance ? { attendance } : {}) }];
  });
  const statusAsPublished = normaliseSpaces(meeting.meetingstatus ?? '');
  const state = meetingState(statusAsPublished);
  const agendaPublished = readBoolean(meeting.agendapublished);
  if (meeting.agendaitems.length === 0) warnings.push(warning('nothing-to-import', 'meeting/agendaitems', 'The meeting has no agenda items yet.'));
  const committeeTitle = normaliseSpaces(meeting.committeetitle ?? meeting.committeename ?? '');
  const committeeId = MODERNGOV_ID.test(normaliseSpaces(meeting.committeeid ?? '')) ? normaliseSpaces(meeting.committeeid ?? '') : '';
  const location = normaliseSpaces(meeting.meetinglocation ?? '');
  return parsed<MeetingXml>({
    modernGovId: normaliseSpaces(meeting.meetingid),
    ...(date ? { date } : {}),
    ...(time ? { time } : {}),
    ...(committeeTitle ? { committeeTitle } : {}),
    ...(committeeId ? { modernGovCommitteeId: committeeId } : {}),
    ...(location ? { location } : {}),
    ...(statusAsPublished ? { statusAsPublished } : {}),
    ...(state ? { state } : {}),
    ...(agendaPublished !== undefined ? { agendaPublished } : {}),
    agendaItems,
    attendees,
  }, warnings);
}
