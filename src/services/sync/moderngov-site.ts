/**
 * The port through which the sync reads the council's ModernGov site: its web service (GetCommittees, GetMeetings,
 * GetMeeting) and its decision pages. Answers are text, parsed by the use case through the PageReader; a failure
 * to fetch (an HTTP error status, a redirect to a login page, a timeout, a stall) is a value naming the address,
 * never thrown, so one meeting's failure is recorded and the run goes on.
 */
export type SiteAnswer =
  | { readonly ok: true; readonly url: string; readonly text: string }
  | { readonly ok: false; readonly url: string; readonly why: string };

export interface ModernGovSite {
  /** The site, as configured: https://democracy.example.gov.uk */
  readonly baseUrl: string;
  committees(): Promise<SiteAnswer>;
  /** Dates yyyy-mm-dd, inclusive. */
  meetings(modernGovCommitteeId: string, from: string, to: string): Promise<SiteAnswer>;
  meeting(modernGovMeetingId: string): Promise<SiteAnswer>;
  /** ieDecisionDetails.aspx?AIId=<agendaitemid>: the decision made on an agenda item, once published. */
  decisionPage(agendaItemId: string): Promise<SiteAnswer>;
}
