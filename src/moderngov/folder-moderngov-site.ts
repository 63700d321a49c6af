import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModernGovSite, SiteAnswer } from '../services/sync/moderngov-site';

/** A decision page saved from its own address, with that address on the live site. */
export interface SavedDecisionPage {
  readonly url: string;
  readonly text: string;
}

/**
 * A ModernGov site saved to a folder, for councils whose servers block scripted clients: one GetMeeting answer
 * (`*.xml`) and, beside it, the decision pages of its items, each named by its agenda item id (`18833.html`, or as the
 * browser saved `ieDecisionDetails.aspx?AIId=18833`: any `.html`/`.htm` name holding the id after "AIId=", or the id
 * alone). Answers carry the addresses the live site would have (under `baseUrl`), so a later sync of the same
 * meeting finds the same records. A decision page saved from its own address (`ieDecisionDetails.aspx?ID=13567`) names
 * no agenda item: it is listed apart, with that address, for the import to place (it finds its item itself).
 */
export async function openFolderModernGovSite(folder: string, baseUrl: string): Promise<{ site: ModernGovSite; meetingXml: string; decisionPagesById: SavedDecisionPage[] }> {
  const base = baseUrl.replace(/\/+$/, '');
  const names = await readdir(folder);
  const xmlFiles = names.filter((n) => /\.xml$/i.test(n)).sort();
  if (xmlFiles.length !== 1) {
    throw new Error(`The folder must hold exactly one GetMeeting answer (.xml); it holds ${xmlFiles.length}${xmlFiles.length > 1 ? `: ${xmlFiles.join(', ')}` : ''}.`);
  }
  const meetingXml = await readFile(join(folder, xmlFiles[0]!), 'utf8');
  const pages = names.filter((n) => /\.html?$/i.test(n));
  const idOfPage = (name: string): string | undefined => /(?:^|AIId=)(\d{1,12})$/i.exec(name.replace(/\.html?$/i, ''))?.[1];
  const pageFor = (agendaItemId: string): string | undefined => pages.find((n) => idOfPage(n) === agendaItemId);
  const decisionIdOfPage = (name: string): string | undefined => /(?:^|[^A-Za-z])ID=(\d{1,12})$/.exec(name.replace(/\.html?$/i, ''))?.[1];
  const decisionPagesById = await Promise.all(pages.flatMap((name) => {
    const id = decisionIdOfPage(name);
    return id ? [readFile(join(folder, name), 'utf8').then((text) => ({ url: `${base}/ieDecisionDetails.aspx?ID=${id}`, text }))] : [];
  }));
  const notServed = (url: string, what: string): Promise<SiteAnswer> => Promise.resolve({ ok: false, url, why: `A saved folder holds one meeting, not ${what}.` });
  const site: ModernGovSite = {
    baseUrl: base,
    committees: () => notServed(`${base}/mgWebService.asmx/GetCommittees`, 'the committee list'),
    meetings: () => notServed(`${base}/mgWebService.asmx/GetMeetings`, 'a meeting list'),
    meeting: async (id) => ({ ok: true, url: `${base}/mgWebService.asmx/GetMeeting?lMeetingId=${id}`, text: meetingXml }),
    decisionPage: async (agendaItemId) => {
      const url = `${base}/ieDecisionDetails.aspx?AIId=${agendaItemId}`;
      const file = pageFor(agendaItemId);
      if (!file) return { ok: false, url, why: `No decision page for agenda item ${agendaItemId} in the folder: save ${url} beside the XML as ${agendaItemId}.html.` };
      return { ok: true, url, text: await readFile(join(folder, file), 'utf8') };
    },
  };
  return { site, meetingXml, decisionPagesById };
}
