import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  runActionPlanReport, runCommitteeActionPlansReport, runCreateActionPlan, runEditActionPlan, runShowActionPlan, runUpdateAction, type ActionPlansDeps,
} from '../../src/cli/action-plans-command';
import { buildProgram } from '../../src/cli/main';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';

describe('cabinet-bot action-plans ...', () => {
  let dir: string;
  let store: Store;
  let lines: string[];
  let deps: ActionPlansDeps;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-plans-'));
    store = createEmbeddedStore({ dataDir: path.join(dir, 'data') });
    await seedDemoCouncil(store, new Date());
    lines = [];
    deps = { store, out: (line) => lines.push(line), now: () => new Date(), officer: 'sarah' };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has create, show, edit, update and report', () => {
    expect(buildProgram().commands.find((c) => c.name() === 'action-plans')?.commands.map((c) => c.name())).toEqual(['create', 'show', 'edit', 'update', 'report']);
  });

  it('updates an action as the card does, shows the plan, refuses an edit from an old version, and writes the report', async () => {
    expect(await runUpdateAction(DEMO_IDS.cspActionPlan, 'act-domestic-abuse', { rag: 'done', percent: '60', note: 'All signed up' }, deps)).toBe(0);
    expect(lines).toEqual(['Recorded: act-domestic-abuse is done at 100%.']);
    expect((await store.actionPlans.listUpdates(DEMO_IDS.cabinet, DEMO_IDS.cspActionPlan))[0]).toMatchObject({ byMemberId: 'cli-sarah', rag: 'done', percentComplete: 100, note: 'All signed up' });
    expect(await runUpdateAction(DEMO_IDS.cspActionPlan, 'act-domestic-abuse', { rag: 'purple', percent: '1' }, deps)).toBe(1);

    lines = [];
    expect(await runShowActionPlan(DEMO_IDS.cspActionPlan, false, deps)).toBe(0);
    const version = /version (\S+)$/.exec(lines[0] ?? '')?.[1] ?? '';
    expect(lines).toContain(`  act-engagement: Run a community engagement programme in each ward, ${DEMO_PEOPLE.director.id}, due ${(await store.actionPlans.get(DEMO_IDS.cabinet, DEMO_IDS.cspActionPlan))?.value.actions[0]?.dueOn}, at-risk 40% (overdue)`);

    const edit = path.join(dir, 'edit.json');
    writeFileSync(edit, JSON.stringify({ title: 'Community Safety Action Plan 2026', actions: [{ id: 'act-scrutiny-report', title: 'Report to Scrutiny', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: '2027-03-01' }] }));
    lines = [];
    expect(await runEditActionPlan(DEMO_IDS.cspActionPlan, edit, version, deps)).toBe(0);
    expect(await runEditActionPlan(DEMO_IDS.cspActionPlan, edit, version, deps)).toBe(1);
    expect(lines[1]).toBe(`Refused: action plan ${DEMO_IDS.cspActionPlan} was changed by someone else; reload it and try again`);

    lines = [];
    const html = path.join(dir, 'report.html');
    const csv = path.join(dir, 'report.csv');
    expect(await runActionPlanReport(DEMO_IDS.cspActionPlan, { html, csv }, deps)).toBe(0);
    expect(lines[0]).toBe('Community Safety Action Plan 2026: 1 actions, 1 on track, 0 at risk, 0 off track, 0 done; 0 overdue.');
    expect(readFileSync(html, 'utf8')).toContain('<h1>Community Safety Action Plan 2026</h1>');
    expect((parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][]).map((r) => r[0])).toEqual(['Action', 'Report to Scrutiny']);
    expect(await runActionPlanReport(DEMO_IDS.cspActionPlan, { csv }, deps)).toBe(2);
  });

  it('creates a plan from a file, and refuses a bad one naming the problem', async () => {
    await store.decisions.create({ ...(await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value, id: 'decision-other', agendaItemId: undefined });
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify({ decisionId: 'decision-other', title: 'Other plan', actions: [{ title: 'Do it', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: '2027-13-01' }] }));
    expect(await runCreateActionPlan(file, deps)).toBe(1);
    expect(lines[0]).toContain('actions.0.dueOn: must be a real date');
    writeFileSync(file, JSON.stringify({ decisionId: 'decision-other', title: 'Other plan', actions: [{ title: 'Do it', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: '2027-01-31' }] }));
    lines = [];
    expect(await runCreateActionPlan(file, deps)).toBe(0);
    expect(lines[0]).toMatch(/^Created action plan plan-[0-9a-f]{16} \(1 action\) for decision decision-other; version /);
    expect(await runCreateActionPlan(path.join(dir, 'none.json'), deps)).toBe(2);
  });

  it('writes the committee\'s report over a period (report --committee --from --to), with the updates made in it', async () => {
    const at = (iso: string) => ({ ...deps, now: () => new Date(iso) });
    expect(await runUpdateAction(DEMO_IDS.cspActionPlan, 'act-engagement', { rag: 'at-risk', percent: '45', note: 'Before the period' }, at('2026-03-20T10:00:00Z'))).toBe(0);
    expect(await runUpdateAction(DEMO_IDS.cspActionPlan, 'act-engagement', { rag: 'on-track', percent: '70', note: 'Within the period' }, at('2026-05-20T10:00:00Z'))).toBe(0);
    lines = [];
    const html = path.join(dir, 'cabinet.html');
    const csv = path.join(dir, 'cabinet.csv');
    expect(await runCommitteeActionPlansReport(DEMO_IDS.cabinet, { from: '2026-04-01', to: '2027-04-01' }, { html, csv }, deps)).toBe(0);
    expect(lines[0]).toMatch(/^Cabinet: 1 action plan, 3 actions, /);
    expect(lines[1]).toMatch(new RegExp(`^  Community Safety Action Plan \\(${DEMO_IDS.cspActionPlan}\\): 3 actions, `));
    expect(lines.slice(2)).toEqual([`Wrote ${html} (HTML).`, `Wrote ${csv} (CSV).`]);
    expect(readFileSync(html, 'utf8')).toContain('<h1>Cabinet: action plans</h1>');
    const rows = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]?.[0]).toBe('Action plan');
    const notes = rows.slice(1).map((r) => r[r.length - 1]);
    expect(notes).toContain('Within the period');
    expect(notes).not.toContain('Before the period');

    lines = [];
    expect(await runCommitteeActionPlansReport(DEMO_IDS.cabinet, { from: '1 April' }, {}, deps)).toBe(1);
    expect(lines[0]).toBe('Refused: --from must be a day (yyyy-mm-dd, from its start in London) or an instant: "1 April" is not.');
    expect(await runCommitteeActionPlansReport('no-such-committee', {}, {}, deps)).toBe(1);
    expect(await runCommitteeActionPlansReport(DEMO_IDS.cabinet, {}, { csv }, deps)).toBe(2);
  });
});
