import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { warning, type ImportWarning } from './import-warning';
import { parseError, parsed, type ParseResult } from './parse-result';
import { normaliseSpaces } from './plain-text';
import { readUkDate } from './uk-date';
import { readWebServiceXml } from './web-service-xml';

/** One meeting of a GetMeetings answer: only its id, date and status; what it holds is in its GetMeeting. */
export interface ModernGovMeetingListed {
  readonly modernGovId: string;
  readonly modernGovCommitteeId: string;
  /** yyyy-mm-dd */
  readonly date?: string;
  readonly status?: string;
}

const Text = z.string().optional();
const MeetingXml = z.object({ meetingid: Text, meetingdate: Text, meetingstatus: Text });
const CommitteeXml = z.object({
  committeeid: Text,
  committeemeetings: z.union([z.literal(''), z.object({ meeting: z.array(MeetingXml).default([]) })]).optional()
    .transform((v) => (v && typeof v === 'object' ? v.meeting : [])),
});
const MeetingsXml = z.object({ committee: z.array(CommitteeXml).default([]) });

const xmlParser = new XMLParser({
  ignoreAttributes: true, removeNSPrefix: true, transformTagName: (name) => name.toLowerCase(), parseTagValue: false, trimValues: true,
  isArray: (name) => ['committee', 'meeting'].includes(name.toLowerCase()),
});

/** Reads the web service's GetMeetings answer (one committee's meetings between two dates). */
export function parseMeetingsXml(xml: string): ParseResult<ModernGovMeetingListed[]> {
  const read = readWebServiceXml(xml, 'GetMeetings', xmlParser);
  if (!read.ok) return read;
  const { tree, root } = read.value;
  if (root !== 'getmeetings') {
    return parseError(root ? `<${root}>` : 'document', `This XML${root ? ` (root element <${root}>)` : ''} is not a GetMeetings answer (<getmeetings>).`);
  }
  const body = (tree as Record<string, unknown>)[root];
  const result = MeetingsXml.safeParse(body === '' ? {} : body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return parseError(`getmeetings/${issue.path.join('/')}`, `The GetMeetings answer is not as expected at <${issue.path.join('/')}>: ${issue.message}.`);
  }
  const warnings: ImportWarning[] = [];
  const meetings = result.data.committee.flatMap((c) => c.committeemeetings.flatMap((m, i): ModernGovMeetingListed[] => {
    const id = normaliseSpaces(m.meetingid ?? '');
    const committeeId = normaliseSpaces(c.committeeid ?? '');
    if (!/^\d{1,12}$/.test(id) || !/^\d{1,12}$/.test(committeeId)) {
      warnings.push(warning('nothing-to-import', `meeting ${i + 1}`, 'The meeting has no ModernGov meeting or committee id (digits); it was left out.'));
      return [];
    }
    const date = m.meetingdate ? readUkDate(normaliseSpaces(m.meetingdate)) : undefined;
    const status = normaliseSpaces(m.meetingstatus ?? '');
    return [{ modernGovId: id, modernGovCommitteeId: committeeId, ...(date ? { date } : {}), ...(status ? { status } : {}) }];
  }));
  return parsed(meetings, warnings);
}
