/**
 * Chat text -> command. Councillors type as they speak ("what's on Cabinet next week?", "status of the community
 * safety strategy please"), so the parser is forgiving: case, punctuation, politeness and a left-over bot mention
 * are ignored, the first meaningful word picks the command, and anything it does not recognise is a status query.
 * Who may run a command (officer-only report and remind) is the caller's check; see OFFICER_ONLY_COMMANDS.
 */

export type AgendaWhen = 'next' | 'today' | 'tomorrow' | 'this-week' | 'next-week';

export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandKind }
  /** Upcoming agenda: the next meeting, or meetings in a period; of one committee when a word names it. */
  | { readonly kind: 'agenda'; readonly when: AgendaWhen; readonly committee?: string }
  | { readonly kind: 'item'; readonly number: string }
  | { readonly kind: 'item'; readonly query: string }
  /** Decision status of whatever the words find. */
  | { readonly kind: 'status'; readonly query: string }
  /** Decisions made in the last `days` days. */
  | { readonly kind: 'decisions'; readonly days: number }
  /** Items awaiting my acknowledgement. */
  | { readonly kind: 'pending' }
  /** Actions I own, overdue first; only the overdue ones when asked. */
  | { readonly kind: 'actions'; readonly overdueOnly: boolean }
  /** Officers: the acknowledgement report of an item. */
  | { readonly kind: 'report'; readonly query: string }
  /** Officers: remind those who have not acknowledged an item. */
  | { readonly kind: 'remind'; readonly query: string }
  /** Officers: send an item's card (by number or words) or a meeting's agenda to the committee, after a confirmation. */
  | { readonly kind: 'notify'; readonly item: { readonly number: string } | { readonly query: string } }
  | { readonly kind: 'notify'; readonly agenda: { readonly when: AgendaWhen; readonly committee?: string } };

export type CommandKind = Command['kind'];

/** Every command, for whoever must cover them all (the help card, the authorisation table test). */
export const COMMAND_KINDS = ['help', 'agenda', 'item', 'status', 'decisions', 'pending', 'actions', 'report', 'remind', 'notify'] as const satisfies readonly CommandKind[];
// A command added to Command but not listed above is a compile error here.
const everyCommandListed: Exclude<CommandKind, (typeof COMMAND_KINDS)[number]> extends never ? true : never = true;
void everyCommandListed;

export const OFFICER_ONLY_COMMANDS: ReadonlySet<CommandKind> = new Set(['report', 'remind', 'notify']);

export const DEFAULT_DECISIONS_DAYS = 30;

export interface ParseOptions {
  /** The bot's display names, stripped when a mention is left in the text. Default ["Cabinet bot"]. */
  readonly botNames?: readonly string[];
}

/** Politeness and question words that may come before the command word. */
const LEADING_FILLER = new Set([
  'please', 'pls', 'can', 'could', 'would', 'will', 'you', 'show', 'me', 'give', 'tell', 'list', 'get', 'see', 'find',
  'i', 'id', 'like', 'want', 'to', 'the', 'my', 'a', 'an', 'ok', 'okay', 'so', 'and', 'just', 'now', 'what', 'whats',
  'which', 'is', 'are', 'there', 'any', 'all', 'do', 'does', 'did', 'need', 'have', 'havent', 'not', 'yet', 'still',
  'should', 'send', 'hi', 'hello', 'hey', 'bot', 'check', 'about',
]);

/**
 * Words that may come before a command word that is really a command ("please remind ...", "can you notify ...",
 * "send a reminder ..."). After a question word or an article it is a noun or a verb of a question: "what did the
 * report say", "show me the report on parking", "what help is there for ...".
 */
const COMMAND_LEAD = new Set([
  'please', 'pls', 'can', 'could', 'would', 'will', 'you', 'ok', 'okay', 'so', 'and', 'just', 'now', 'hi', 'hello', 'hey',
  'bot', 'send', 'i', 'id', 'like', 'want', 'to', 'a', 'an', 'also',
]);
/**
 * Words right after report, remind or notify that make it prose, not a command: "report to Scrutiny Committee
 * annually", "remind me what we decided", "reported that ...". "To" is still a command before its audience
 * ("send a reminder to members who ...").
 */
const PROSE_AFTER_COMMAND = new Set([
  'to', 'that', 'was', 'were', 'is', 'are', 'be', 'been', 'by', 'from', 'back', 'says', 'said', 'will', 'would', 'should',
  'has', 'have', 'had', 'me', 'us', 'what', 'when', 'why', 'how', 'whether', 'if',
]);
const AUDIENCE = new Set(['members', 'councillors', 'everyone', 'people', 'those', 'all', 'the']);

/** Words that join a command to its subject: "status of the ...", "remind members about ...". */
const ARGUMENT_FILLER = new Set([
  'of', 'on', 'for', 'about', 'the', 'a', 'an', 're', 'regarding', 'to', 'is', 'whats', 'what', 'please', 'pls',
  'members', 'councillors', 'everyone', 'people', 'who', 'havent', 'not', 'acknowledged', 'acknowledge',
]);

const ITEM_FILLER = new Set([...ARGUMENT_FILLER, 'number', 'no']);
const HELP_WORDS = new Set(['help', 'commands', 'menu', 'start', 'usage']);
const AGENDA_WORDS = new Set(['agenda', 'agendas', 'meeting', 'meetings', 'upcoming', 'next', 'schedule', 'calendar', 'coming']);
const ACTION_WORDS = new Set(['action', 'actions', 'task', 'tasks', 'overdue']);
const PENDING_WORDS = new Set(['pending', 'unread', 'unacknowledged', 'inbox']);
/** Words that lead to a pending request only when acknowledgement is mentioned ("awaiting council" is a status). */
const PENDING_LEADS = new Set(['item', 'items', 'papers', 'awaiting', 'outstanding', 'things']);
const REPORT_WORDS = new Set(['report', 'reports', 'ack', 'acks']);
const REMIND_WORDS = new Set(['remind', 'reminder', 'reminders', 'chase', 'nudge']);
const NOTIFY_WORDS = new Set(['notify', 'push', 'publish', 'circulate']);

/** "help status": the word after help that names a command. */
const HELP_TOPICS: Readonly<Record<string, CommandKind>> = {
  agenda: 'agenda', meeting: 'agenda', meetings: 'agenda', item: 'item', items: 'item', status: 'status',
  decisions: 'decisions', pending: 'pending', actions: 'actions', report: 'report', remind: 'remind', notify: 'notify',
};

/** Words about time and scope that "decisions" may carry without asking about a subject. */
const DECISIONS_SCOPE = new Set([
  'decisions', 'recent', 'latest', 'new', 'last', 'past', 'made', 'taken', 'days', 'day', 'week', 'weeks', 'month',
  'this', 'in', 'over', 'the', 'of', 'for', 'all', 'any', 'since', 'published',
]);

/** Words in an agenda request that are not a committee's name. */
const AGENDA_NOISE = new Set([
  ...AGENDA_WORDS, 'on', 'at', 'for', 'the', 'of', 'in', 'is', 'when', 'whats', 'what', 'week', 'this', 'today',
  'tonight', 'tomorrow', 'up', 'happening', 's', 'please', 'pls', 'are', 'there', 'any', 'items', 'item', 'coming',
]);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Plain lower-case words: mentions, tags and entities gone, punctuation to spaces, "5.1" and "2021-24" kept. */
const normalise = (text: string, botNames: readonly string[]): string[] => {
  let t = text
    .replace(/^(?:\s*<at>[^<]*<\/at>)+/i, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&#39;|&apos;/gi, "'")
    .trim();
  for (const name of botNames) {
    t = t.replace(new RegExp(`^@?${escapeRegExp(name)}\\b[\\s,:;-]*`, 'i'), '');
  }
  return t
    .toLowerCase()
    .replace(/[’‘`']/g, '') // "what's" -> "whats", "haven't" -> "havent"
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu, ' ')
    // Figures keep their commas, slashes, pounds and per cents: "£19,487.6", "2021/22", "85%".
    .replace(/(?<!\d),|,(?!\d)/g, ' ')
    .replace(/(?<![\p{L}\p{N}])\/|\/(?![\p{L}\p{N}])/gu, ' ')
    .replace(/[^\p{L}\p{N}.\-\s,/£%]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
};

const dropLeading = (words: string[], filler: ReadonlySet<string>): string[] => {
  let i = 0;
  while (i < words.length && filler.has(words[i]!)) i += 1;
  return words.slice(i);
};

const argument = (words: string[]): string => dropLeading(words, ARGUMENT_FILLER).join(' ');

const agendaWhen = (words: readonly string[]): AgendaWhen => {
  const text = ` ${words.join(' ')} `;
  if (/ next week /.test(text)) return 'next-week';
  if (/ this week /.test(text)) return 'this-week';
  if (/ (today|tonight) /.test(text)) return 'today';
  if (/ tomorrow /.test(text)) return 'tomorrow';
  return 'next';
};

const agenda = (words: readonly string[]): Command => {
  const committee = words.filter((w) => !AGENDA_NOISE.has(w)).join(' ');
  return { kind: 'agenda', when: agendaWhen(words), ...(committee.length > 0 && { committee }) };
};

/** "decisions", "recent decisions", "decisions in the last 7 days", "decisions this week". */
const decisionsDays = (words: readonly string[]): number | undefined => {
  if (!words.every((w) => DECISIONS_SCOPE.has(w) || /^\d{1,3}$/.test(w))) return undefined;
  const n = words.find((w) => /^\d{1,3}$/.test(w));
  if (n !== undefined && Number(n) > 0) {
    const unit = words[words.indexOf(n) + 1] ?? 'days';
    return Number(n) * (unit.startsWith('week') ? 7 : unit.startsWith('month') ? 30 : 1);
  }
  if (words.includes('week')) return 7;
  return DEFAULT_DECISIONS_DAYS;
};

/** A command that needs a subject and has none answers with that command's help. */
const withSubject = (kind: 'status' | 'report' | 'remind', rest: string[]): Command => {
  const query = argument(rest);
  return query.length > 0 ? { kind, query } : { kind: 'help', topic: kind };
};

/** "notify agenda cabinet", "notify item 6", "notify 6", "notify community safety". */
const notify = (rest: string[]): Command => {
  const words = dropLeading(rest, ITEM_FILLER);
  if (words[0] !== undefined && AGENDA_WORDS.has(words[0]) && words[1] !== 'item') {
    const { when, committee } = agenda(words) as { when: AgendaWhen; committee?: string };
    return { kind: 'notify', agenda: { when, ...(committee !== undefined ? { committee } : {}) } };
  }
  const subject = dropLeading(words[0] === 'agenda' ? words.slice(1) : words, new Set([...ITEM_FILLER, 'item']));
  if (subject.length === 1 && /^\d+[a-z]?(?:\.\d+)?$/.test(subject[0]!)) return { kind: 'notify', item: { number: subject[0]! } };
  return subject.length > 0 ? { kind: 'notify', item: { query: subject.join(' ') } } : { kind: 'help', topic: 'notify' };
};

/** The words as a question: what the bot searches for when they are not a command. */
const question = (all: readonly string[]): Command => {
  const words = dropLeading([...all], LEADING_FILLER);
  return { kind: 'status', query: argument(words) || all.join(' ') };
};

/** A message as a question to search for, whatever command words it holds (an officer command naming no item). */
export const parseQuestion = (text: string, options: ParseOptions = {}): Command => {
  const all = normalise(text, options.botNames ?? ['Cabinet bot']);
  return all.length === 0 ? { kind: 'help' } : question(all);
};

export const parseCommand = (text: string, options: ParseOptions = {}): Command => {
  const all = normalise(text, options.botNames ?? ['Cabinet bot']);
  if (all.length === 0) return { kind: 'help' };

  const joined = all.join(' ');
  if (/^(?:what can you do|how does this work|how do i use)/.test(joined)) return { kind: 'help' };
  // "what's on Cabinet next week", "what is coming up at Scrutiny"
  const whatsOn = /^(?:so |and |hi |hey )?(?:whats|what is) (?:on|coming up|happening|up)\b ?(.*)$/.exec(joined);
  if (whatsOn) return agenda(whatsOn[1]!.split(' ').filter((w) => w.length > 0));

  const words = dropLeading(all, LEADING_FILLER);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'help' };
  // Command words are commands only where a command begins: not after "what did the ...".
  const inCommandPosition = all.slice(0, all.length - words.length).every((w) => COMMAND_LEAD.has(w));
  const proseAfter = rest[0] !== undefined && PROSE_AFTER_COMMAND.has(rest[0]) && !(rest[0] === 'to' && AUDIENCE.has(rest[1] ?? ''));
  const isOfficerCommandWord = REMIND_WORDS.has(first) || NOTIFY_WORDS.has(first) || REPORT_WORDS.has(first);
  if ((HELP_WORDS.has(first) || isOfficerCommandWord) && (!inCommandPosition || (isOfficerCommandWord && proseAfter))) return question(all);

  if (HELP_WORDS.has(first)) {
    const topic = rest.length === 1 ? HELP_TOPICS[rest[0]!] : undefined;
    return topic ? { kind: 'help', topic } : { kind: 'help' };
  }
  if (first === 'status' || first === 'progress') return withSubject('status', rest);
  if (REMIND_WORDS.has(first)) return withSubject('remind', rest);
  if (NOTIFY_WORDS.has(first)) return notify(rest);
  if (REPORT_WORDS.has(first) || (first.startsWith('acknowledg') && rest[0] === 'report')) {
    return withSubject('report', rest[0] === 'report' ? rest.slice(1) : rest);
  }
  if (ACTION_WORDS.has(first)) return { kind: 'actions', overdueOnly: words.includes('overdue') };
  if (PENDING_WORDS.has(first) || first.startsWith('acknowledg')) return { kind: 'pending' };
  if (PENDING_LEADS.has(first) && rest.some((w) => PENDING_WORDS.has(w) || w.startsWith('acknowledg'))) {
    return { kind: 'pending' }; // "items awaiting my acknowledgement", "outstanding acknowledgements"
  }
  if (first === 'item' || first === 'items' || (first === 'agenda' && rest[0] === 'item')) {
    const subject = first === 'agenda' ? rest.slice(1) : rest;
    const argWords = dropLeading(subject, ITEM_FILLER);
    if (argWords.length === 1 && /^\d+[a-z]?(?:\.\d+)?$/.test(argWords[0]!)) return { kind: 'item', number: argWords[0]! };
    return argWords.length > 0 ? { kind: 'item', query: argWords.join(' ') } : { kind: 'help', topic: 'item' };
  }
  if (first === 'decisions' || ((first === 'recent' || first === 'latest') && words.includes('decisions'))) {
    const days = decisionsDays(words);
    if (days !== undefined) return { kind: 'decisions', days };
  }
  if (first === 'decision' || first === 'decisions') return withSubject('status', rest[0] === 'status' ? rest.slice(1) : rest);
  if (AGENDA_WORDS.has(first) || (first === 'when' && words.some((w) => w === 'meeting' || w === 'meetings'))) return agenda(words);

  // "Cabinet next week": a committee and a time is a question about the agenda; with more words than a committee's
  // name it is a question about business in that time ("is Cabinet deciding anything on tenancies next week").
  if (agendaWhen(words) !== 'next') {
    const request = agenda(words) as { committee?: string };
    if ((request.committee ?? '').split(' ').length <= 3) return agenda(words);
  }
  // Anything else is a question about where something stands: search for it.
  return { kind: 'status', query: argument(words) || joined };
};
