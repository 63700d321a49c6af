import { PlaygroundE2E } from './support/e2e-environment';
import type { Locator } from 'playwright-core';
import { SELECTORS, type PlaygroundPage } from './support/playground-page';
import { officerApi as officerApiAt } from './support/officer-api';

/**
 * Issue 11, end to end: an action plan from the decision to the Scrutiny report, as democratic services and a
 * councillor see it. The officer imports a Cabinet decision through the officer API (the demo council's own decision
 * has its plan already), starts its action plan from the decision card in the Agents Playground with a first action
 * for Cllr Alan Pearson; Cllr Pearson updates it from his action plan card; and the plan's Scrutiny report, read as
 * an officer reads it, has his update.
 *
 *   npx jest -c jest.e2e.config.js --runInBand test/e2e/action-plans
 */
const OFFICER_TOKEN = 'e2e-officer-token-action-plans-0123';
const officerApi = officerApiAt(() => e2e.bot.url, OFFICER_TOKEN);
/** Cllr Alan Pearson, the councillor playground's current user, in the demo council. */
const COUNCILLOR = { id: 'cllr-alan-pearson', name: 'Cllr Alan Pearson' };
const DECISION_TITLE = 'Refurbishment of the Town Centre Public Toilets';
/** An agenda-item page as ModernGov shows it, with Cabinet's decision: what a council without the demo would import. */
const PAGE = [
  'Agenda item 12',
  '',
  'REFURBISHMENT OF THE TOWN CENTRE PUBLIC TOILETS',
  '',
  'Decision:',
  '',
  'Cabinet',
  '',
  '1) APPROVED the refurbishment of the town centre public toilets, to reopen them by the summer.',
].join('\n');
const ACTION = { title: 'Appoint a contractor for the refurbishment', due: '2031-03-31' };
const NOTE = 'Three tenders received; evaluation under way.';

let e2e: PlaygroundE2E;
const pages: PlaygroundPage[] = [];

beforeAll(async () => {
  // Quiet hours off: the run must not depend on the hour it happens at.
  e2e = await PlaygroundE2E.start({ bot: { env: { OFFICER_API_TOKEN: OFFICER_TOKEN, QUIET_HOURS: 'off' } } });
}, 120_000);

afterAll(async () => {
  for (const p of pages) await e2e?.closePage(p);
  await e2e?.stop();
}, 60_000);

interface PlanReport {
  readonly plan: { readonly id: string; readonly decisionId: string; readonly title: string };
  readonly actions: ReadonlyArray<{ readonly title: string; readonly owner: string; readonly rag: string; readonly percentComplete: number; readonly history: ReadonlyArray<{ by: string; rag: string; percentComplete: number; note: string }> }>;
}

/**
 * A compact ChoiceSet as the playground draws it: a Fluent combobox whose options open in a list outside the card.
 */
async function choose(page: PlaygroundPage, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.page.getByRole('option', { name: option, exact: true }).click();
}

test('the officer starts an action plan from the decision card; its owner updates the action from the card; the Scrutiny report has it', async () => {
  const decisionId = await (async () => {
    const imported = await officerApi<{ decision?: { id: string; committeeId: string } }>('POST', '/api/v1/imports', PAGE, { 'content-type': 'text/plain' });
    expect(imported.status).toBe(201);
    expect(imported.body.decision?.committeeId).toBe('cabinet');
    return imported.body.decision!.id;
  })();

  const officer = await e2e.openPage('officer', 'action-plan-officer');
  pages.push(officer);
  await officer.step('the officer asks for the decision: the card offers "Start action plan"', async () => {
    await officer.sendMessage('status refurbishment of the town centre public toilets');
    const card = await officer.waitForCardContaining([DECISION_TITLE, 'Start action plan'], 20_000);
    await officer.screenshot('action-plan-decision-card', card.locator);
  });

  await officer.step('Start action plan: the form, with the decision\'s title', async () => {
    await officer.clickCardButton('Start action plan');
    const form = await officer.waitForCardContaining(['Start an action plan', 'First actions'], 15_000);
    await form.locator.getByLabel('What is to be done').first().fill(ACTION.title);
    await choose(officer, form.locator.getByRole('combobox', { name: 'Owner' }).first(), `${COUNCILLOR.name} (Portfolio Holder for Housing and Communities)`);
    await form.locator.getByLabel('Due date').first().fill(ACTION.due);
    await officer.screenshot('action-plan-form', form.locator);
  });

  await officer.step('Start the plan: the card becomes the action plan', async () => {
    await officer.clickCardButton('Start the plan');
    const plan = await officer.waitForCardContaining(['Action plan', ACTION.title, COUNCILLOR.name, '1 action: 1 on track'], 20_000, { anyCard: true });
    await officer.screenshot('action-plan-started-card', plan.locator);
  });

  // The plan's id, as an officer finds it: the committee's report lists each plan with its decision.
  const planId = await (async () => {
    const all = await officerApi<{ plans: PlanReport[] }>('GET', '/api/v1/committees/cabinet/action-plans/report', undefined, { accept: 'application/json' });
    expect(all.status).toBe(200);
    const plan = all.body.plans.find((p) => p.plan.decisionId === decisionId);
    expect(plan?.actions.map((a) => [a.title, a.owner])).toEqual([[ACTION.title, COUNCILLOR.name]]);
    return plan!.plan.id;
  })();

  const councillor = await e2e.openPage('councillor', 'action-plan-councillor');
  pages.push(councillor);
  await councillor.step('the councillor asks for his actions: the new one, with its Update form', async () => {
    await councillor.sendMessage('actions');
    const card = await councillor.waitForCardContaining([ACTION.title, 'Update'], 20_000);
    await card.locator.locator(SELECTORS.cardButton('Update')).first().click();
    const form = card.locator.getByLabel('Percent done (0 to 100)');
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    await choose(councillor, card.locator.getByRole('combobox', { name: 'Status' }).first(), '🟠 At risk');
    await form.fill('30');
    await card.locator.getByLabel('Note (what changed, what is next)').fill(NOTE);
    await councillor.screenshot('action-plan-update-form', card.locator);
  });

  await councillor.step('Save update: the card shows the new state, in his own view', async () => {
    await councillor.clickCardButton('Save update');
    const card = await councillor.waitForCardContaining([ACTION.title, 'At risk', '30% done', NOTE], 20_000, { anyCard: true });
    await councillor.screenshot('action-plan-updated-card', card.locator);
  });

  await councillor.step('the officer reads the Scrutiny report: the update is in the action\'s history', async () => {
    const report = await officerApi<PlanReport>('GET', `/api/v1/action-plans/${encodeURIComponent(planId)}/report`, undefined, { accept: 'application/json' });
    expect(report.status).toBe(200);
    const action = report.body.actions.find((a) => a.title === ACTION.title);
    expect(action).toMatchObject({ owner: COUNCILLOR.name, rag: 'at-risk', percentComplete: 30 });
    expect(action?.history).toEqual([expect.objectContaining({ by: COUNCILLOR.name, rag: 'at-risk', percentComplete: 30, note: NOTE })]);
    const page = await officerApi<string>('GET', `/api/v1/action-plans/${encodeURIComponent(planId)}/report`, undefined, { accept: 'text/html' });
    expect(page.body).toContain(NOTE);
  });
});
