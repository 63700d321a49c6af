import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { warning, type ImportWarning } from './import-warning';
import { parseError, parsed, type ParseResult } from './parse-result';
import { normaliseSpaces } from './plain-text';
import { readBoolean } from './xml-values';
import { readWebServiceXml } from './web-service-xml';

/** One committee the site offers (GetCommittees). */
export interface ModernGovCommittee {
  readonly modernGovId: string;
  readonly title: string;
  /** ModernGov keeps committees that no longer meet, marked expired. */
  readonly expired: boolean;
  readonly deleted: boolean;
  readonly category?: string;
}

const Text = z.string().optional();
const CommitteeXml = z.object({
  committeeid: Text, committeetitle: Text, committeedeleted: Text, committeeexpired: Text, committeecategory: Text,
});
const CommitteesXml = z.object({ committee: z.array(CommitteeXml).default([]) });

const xmlParser = new XMLParser({
  ignoreAttributes: true, removeNSPrefix: true, transformTagName: (name) => name.toLowerCase(), parseTagValue: false, trimValues: true,
  isArray: (name) => name.toLowerCase() === 'committee',
});

/** Reads the web service's GetCommittees answer: every committee, expired ones marked. */
export function parseCommitteesXml(xml: string): ParseResult<ModernGovCommittee[]> {
  const read = readWebServiceXml(xml, 'GetCommittees', xmlParser);
  if (!read.ok) return read;
  const { tree, root } = read.value;
  const body = root ? (tree as Record<string, unknown>)[root] : undefined;
  if (root !== 'committees' && root !== 'getcommitteesresult') {
    return parseError(root ? `<${root}>` : 'document', `This XML${root ? ` (root element <${root}>)` : ''} is not a GetCommittees answer (<committees>).`);
  }
  const result = CommitteesXml.safeParse(body === '' ? {} : body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return parseError(`committees/${issue.path.join('/')}`, `The GetCommittees answer is not as expected at <${issue.path.join('/')}>: ${issue.message}.`);
  }
  const warnings: ImportWarning[] = [];
  const committees = result.data.committee.flatMap((c, i): ModernGovCommittee[] => {
    const id = normaliseSpaces(c.committeeid ?? '');
    const title = normaliseSpaces(c.committeetitle ?? '');
    if (!/^\d{1,12}$/.test(id) || !title) {
      warnings.push(warning('nothing-to-import', `committee ${i + 1}`, 'The committee has no ModernGov id (digits) or no title; it was left out.'));
      return [];
    }
    const category = normaliseSpaces(c.committeecategory ?? '');
    return [{
      modernGovId: id, title, expired: readBoolean(c.committeeexpired) === true, deleted: readBoolean(c.committeedeleted) === true,
      ...(category ? { category } : {}),
    }];
  });
  return parsed(committees, warnings);
}
