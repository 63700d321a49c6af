/**
 * The three public pages the Teams app package links to (developer.websiteUrl, privacyUrl, termsOfUseUrl): what the
 * bot is, its privacy notice and its terms of use, naming the council and whom to ask. Plain HTML, no script, no
 * outside resources; every configured value is escaped. Without the council's name and contact they are not served
 * (404, saying what to set), so the package never links to a page that names nobody.
 */

export interface CouncilPageSettings {
  readonly name?: string;
  /** An email address or an https:// address where people can ask about their data. */
  readonly privacyContact?: string;
}

export type PublicPagePath = '/' | '/privacy' | '/terms';

export interface PublicPages {
  /** The page's HTML, or undefined when the council's name and contact are not configured. */
  page(path: PublicPagePath): string | undefined;
}

type Block = { readonly heading: string; readonly paragraphs?: readonly string[]; readonly items?: readonly string[] };

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** What the bot keeps, and for how long: kept true to src/store (docs/STORE.md lists every document). */
const privacyBlocks = (council: string): Block[] => [
  {
    heading: 'Who is responsible',
    paragraphs: [
      `${council} is the data controller for Cabinet bot. The bot runs in the council's own Microsoft 365 tenant and Azure subscription; Microsoft processes the data for the council.`,
    ],
  },
  {
    heading: 'What the bot keeps',
    items: [
      'The roster of councillors and officers who use it: name, role, job title or office, work email, Microsoft Entra object id and committee seats, entered by democratic services.',
      'Acknowledgements: who acknowledged which agenda item, when, and through which chat. They are governance records and are never edited.',
      'Action plans and the progress updates posted on them: what was said, by whom and when.',
      'Where the bot can reach each person or channel in Teams (the conversation reference Teams gives it), to send agenda items and reminders.',
      'Notifications sent by democratic services, and for each recipient whether and when it was delivered.',
      'Agenda items, decisions and meetings imported from the council\'s committee pages, most of them already published.',
      'For two days, the ids of each Teams message the bot has handled, so that a message Teams delivers twice is answered once.',
      'Logs of each request: its id, the member\'s id and the first 200 characters of what was typed to the bot. Performance telemetry, when the council turns it on, holds ids and timings only, never names or message text.',
    ],
  },
  {
    heading: 'How long it is kept',
    items: [
      'Roster entries, acknowledgements, notifications and action-plan updates are records of council business: they are kept as the council\'s records retention schedule says.',
      'Records of handled messages: two days.',
      'Logs and telemetry: as long as the council keeps its Azure logs.',
    ],
  },
  {
    heading: 'Who sees it',
    items: [
      'You see your own acknowledgements and the actions you own.',
      'Democratic services officers and the bot\'s administrators see who has and has not acknowledged an item, manage the roster and send reminders.',
      'Exempt (confidential) items are shown only to members of their committee, officers and administrators, and only in a personal chat with the bot.',
      'The council\'s IT team sees the logs when they look after the service.',
    ],
  },
];

const termsBlocks = (council: string): Block[] => [
  {
    heading: 'What it is for',
    paragraphs: [
      `${council} provides Cabinet bot to its councillors and officers for council business: agenda items, decisions, call-in and the action plans that follow.`,
    ],
  },
  {
    heading: 'The published record comes first',
    paragraphs: [
      'The bot shows what was imported from the council\'s committee pages. Where the bot and the published agenda, minutes or decision notice differ, the published record is right.',
    ],
  },
  {
    heading: 'Your part',
    items: [
      'Acknowledging an item records, in your name, that you have received and read it.',
      'Exempt items are confidential (Schedule 12A to the Local Government Act 1972): do not share them outside the committee.',
      'Use the bot as the council\'s acceptable use policy for its IT says.',
    ],
  },
  {
    heading: 'Availability',
    paragraphs: ['The service may sometimes be unavailable. The council website remains the place of record.'],
  },
];

const contactParagraph = (contact: string): string => {
  const href = contact.includes('@') && !contact.startsWith('https://') ? `mailto:${contact}` : contact;
  return `<p>To see what is held about you, to have it corrected, or to ask for it to be removed, contact <a href="${escapeHtml(href)}">${escapeHtml(contact)}</a>. Acknowledgements and action updates are records of council business, so the council may have to keep some of them under its retention schedule; it will tell you which and why.</p>`;
};

const renderBlocks = (blocks: readonly Block[]): string =>
  blocks
    .map((b) =>
      [
        `<h2>${escapeHtml(b.heading)}</h2>`,
        ...(b.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
        ...(b.items ? [`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`] : []),
      ].join('\n'),
    )
    .join('\n');

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}</style>
</head>
<body>
${body}
</body>
</html>
`;

export const createPublicPages = (settings: CouncilPageSettings): PublicPages => {
  const { name, privacyContact } = settings;
  if (name === undefined || privacyContact === undefined) return { page: () => undefined };
  const council = name;
  const nav = '<p><a href="/">About</a> · <a href="/privacy">Privacy notice</a> · <a href="/terms">Terms of use</a></p>';
  const pages: Record<PublicPagePath, string> = {
    '/': page(
      `Cabinet bot: ${council}`,
      `<h1>Cabinet bot</h1>\n${nav}\n<p>${escapeHtml(
        `${council}'s Microsoft Teams bot for cabinet business: councillors get each agenda item as a card, acknowledge it with one press, and ask where a decision has got to; democratic services see who has read the papers; action owners post progress.`,
      )}</p>\n${contactParagraph(privacyContact)}`,
    ),
    '/privacy': page(`Privacy notice: Cabinet bot, ${council}`, `<h1>Privacy notice: Cabinet bot</h1>\n${nav}\n${renderBlocks(privacyBlocks(council))}\n<h2>Your rights</h2>\n${contactParagraph(privacyContact)}`),
    '/terms': page(`Terms of use: Cabinet bot, ${council}`, `<h1>Terms of use: Cabinet bot</h1>\n${nav}\n${renderBlocks(termsBlocks(council))}\n<h2>Questions</h2>\n${contactParagraph(privacyContact)}`),
  };
  return { page: (path) => pages[path] };
};
