import { request } from 'node:http';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { startTestApp, type TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'local-officer-token-0123456789';
/** A short budget keeps the refusals quick; the year-mismatch page must still be answered well within it. */
const BUDGET_MS = 3000;

/** The pathological pages of issue 9, each about 1 MiB or less (the officer API's default limit). */
const YEARS_PAGE = `Agenda item\n\nTITLE\n\nCabinet\n\n${'Strategy 2021-23 Strategy 2021-24 '.repeat(30000)}`;
const NESTED_DIVS = `${'<div>'.repeat(90_000)}${'</div>'.repeat(90_000)}`;
const UNCLOSED_B = '<b>'.repeat(200_000);

type Json = Record<string, unknown>;

describe('imports never stall the bot (issue 9)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ OFFICER_API_TOKEN: OFFICER_TOKEN, PAGE_PARSE_BUDGET_MS: String(BUDGET_MS) }, { seed: (s) => seedDemoCouncil(s, new Date()) });
  });
  afterAll(async () => app.stop());


  const importPage = async (body: string, contentType: string, query = '?dryRun=true'): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${app.url}/api/v1/imports${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': contentType },
      body,
    });
    return { status: res.status, body: (await res.json()) as Json };
  };

  /** Which answers first: the import, or /healthz asked once the whole import body has been sent. */
  async function raceWithHealth(body: string, contentType: string, route = '/api/v1/imports?dryRun=true'): Promise<{ first: string; answer: { status: number; body: Json } }> {
    const order: string[] = [];
    let sent!: () => void;
    const bodySent = new Promise<void>((resolve) => (sent = resolve));
    const importing = new Promise<{ status: number; body: Json }>((resolve, reject) => {
      const req = request(`${app.url}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => {
          order.push('import');
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Json });
        });
      });
      req.on('error', reject);
      req.on('finish', () => sent()); // the last byte of the page has left: the bot is reading or parsing it now
      req.end(body);
    });
    await bodySent;
    const health = await fetch(`${app.url}/healthz`);
    order.push('healthz');
    expect(health.status).toBe(200);
    const answer = await importing;
    return { first: order[0]!, answer };
  }

  it('answers a 1 MiB page naming one strategy with two years 30,000 times, with the year warning (the check is linear)', async () => {
    const { status, body } = await importPage(YEARS_PAGE, 'text/plain; charset=utf-8', `?dryRun=true&meetingId=${DEMO_IDS.nextCabinet}`);
    expect(status).toBe(200);
    const warnings = body.warnings as Array<{ code: string; message: string }>;
    expect(warnings.map((w) => w.code)).toContain('document-year-mismatch');
    // The warning lists a few places and counts the rest, rather than every one of 60,000.
    expect(JSON.stringify(body.warnings).length).toBeLessThan(2000);
  });

  it.each([
    ['90,000 nested <div>', NESTED_DIVS],
    ['200,000 unclosed <b>', UNCLOSED_B],
  ])('refuses %s with a 422 at the time budget, and /healthz answers meanwhile', async (_name, html) => {
    const { first, answer } = await raceWithHealth(html, 'text/html; charset=utf-8');
    expect(first).toBe('healthz');
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toMatch(/could not be read within 3 s/);
  });

  it('answers a 1 MiB GetMeeting of unclosed tags with a short 422 (the XML validator quotes every tag)', async () => {
    // Its own app with a budget no loaded machine reaches: this is about the message's length, not the budget, and
    // validating the page takes about a second (several on a busy 2-core machine, over the 3 s above).
    const patient = await startTestApp({ OFFICER_API_TOKEN: OFFICER_TOKEN, PAGE_PARSE_BUDGET_MS: '60000' });
    try {
      const res = await fetch(`${patient.url}/api/v1/imports?dryRun=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': 'application/xml' },
        body: '<a>'.repeat(349_525),
      });
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text.length).toBeLessThan(4096);
      expect((JSON.parse(text) as Json).detail).toMatch(/^line \d+, column \d+: The answer is not well-formed XML: .*…$/);
    } finally {
      await patient.stop();
    }
  }, 90_000);

  it('checks a 1 MB roster CSV of 15,000 members while /healthz answers meanwhile', async () => {
    const rows = Array.from({ length: 15_000 }, (_, i) => `m${i},Member ${i},councillor,,m${i}@council.example,,cabinet:Member`);
    const csv = `id,name,role,title,email,aadObjectId,committees\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(1_000_000);
    expect(csv.length).toBeLessThan(1_048_576);
    const { first, answer } = await raceWithHealth(csv, 'text/csv', '/api/v1/members/import?dryRun=true');
    expect(first).toBe('healthz');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, dryRun: true, created: 15_000 });
  });

  it('reads the next page normally after a page was refused at the budget', async () => {
    expect((await importPage(NESTED_DIVS, 'text/html')).status).toBe(422);
    const { status, body } = await importPage('Agenda item 5\n\nCOMMUNITY SAFETY\n\nDecision:\n\nCabinet\n\n1) NOTED the report.', 'text/plain');
    expect(status).toBe(200);
    expect((body.agendaItem as Json).title).toBe('Community Safety');
  });
});
