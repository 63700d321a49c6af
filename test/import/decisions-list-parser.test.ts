import { parseDecisionsListHtml } from '../../src/import/decisions-list-parser';
import { moderngovFixture } from './fixtures';

const BASE = 'https://democracy.kirklees.gov.uk/mgDelegatedDecisions.aspx?bcr=1';

describe('parseDecisionsListHtml', () => {
  it('reads one entry per row of the decisions list, with links to follow and the issue-history row marked', () => {
    expect(parseDecisionsListHtml(moderngovFixture('lgsf_modgov_decisions_list.html'), BASE)).toEqual({
      ok: true,
      warnings: [],
      value: {
        caption: 'Decisions published',
        entries: [
          {
            title: 'Settlement Agreement with Network Rail Infrastructure Limited (NRIL) in respect of land adjacent to the George Hotel, Railway Street, Huddersfield',
            href: 'ieDecisionDetails.aspx?ID=13567',
            url: 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13567',
            isDecision: true,
            modernGovDecisionId: '13567',
            publishedOn: '2025-04-01',
            effectiveFrom: '2025-04-01',
            callIn: 'Not for call-in',
            row: 1,
          },
          {
            title: 'Admission of the Public',
            href: 'ieDecisionDetails.aspx?ID=13149',
            url: 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13149',
            isDecision: true,
            modernGovDecisionId: '13149',
            publishedOn: '2025-11-03',
            effectiveFrom: '2025-11-03',
            callIn: 'Not for call-in',
            row: 2,
          },
          {
            title: 'An issue history row, not a decision',
            href: 'mgIssueHistoryHome.aspx?IId=6535&Opt=0',
            url: 'https://democracy.kirklees.gov.uk/mgIssueHistoryHome.aspx?IId=6535&Opt=0',
            isDecision: false,
            publishedOn: '2025-11-04',
            effectiveFrom: '2025-11-04',
            callIn: 'Not for call-in',
            row: 3,
          },
        ],
      },
    });
  });

  it('reads the officer decisions table, ignoring the commented-out column, with relative links when no address is given', () => {
    expect(parseDecisionsListHtml(moderngovFixture('lgsf_modgov_officer_decisions_list.html'))).toEqual({
      ok: true,
      warnings: [],
      value: {
        caption: 'Officer decisions',
        entries: [{
          title: 'Admission of the Public',
          href: 'ieDecisionDetails.aspx?ID=13149',
          isDecision: true,
          modernGovDecisionId: '13149',
          publishedOn: '2025-11-03',
          row: 1,
        }],
      },
    });
  });

  it('refuses a decision-details page as a list', () => {
    expect(parseDecisionsListHtml(moderngovFixture('lgsf_modgov_decision_detail.html'))).toEqual({
      ok: false,
      error: { where: 'page', message: 'This is not a ModernGov decisions list ("Decision details"): it has no table.mgTabTable of links to decision details.' },
    });
  });
});
