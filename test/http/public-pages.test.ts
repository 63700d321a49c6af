import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildManifestPackage } from '../../scripts/build-manifest';
import { startTestApp, type TestApp } from '../support/start-test-app';

// @microsoft/app-manifest requires strip-bom 5, an ES module that jest's CommonJS runtime cannot load (see manifest.test.ts).
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }));

const COUNCIL = { COUNCIL_NAME: 'Melton Borough Council <Democratic Services>', PRIVACY_CONTACT: 'dpo@melton.gov.uk' };
const MANIFEST_ENV = {
  BOT_ID: '7c0b5a3e-1d2f-4a6b-9c8d-0e1f2a3b4c5d', BOT_DOMAIN: 'cabinet-bot.melton.gov.uk', MODERNGOV_DOMAINS: 'democracy.melton.gov.uk', ...COUNCIL,
  DEVELOPER_NAME: 'Melton Borough Council',
};

/**
 * The Teams app package links to the developer's website, privacy notice and terms of use; Teams admins read them
 * before they allow an app. The bot serves all three, naming the council and whom to ask, so no link answers 404.
 */
describe('about, privacy notice and terms of use', () => {
  describe('with the council named', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(COUNCIL);
    });
    afterAll(() => app.stop());

    it('serves every page the app package links to (developer website, privacy, terms) as HTML', async () => {
      const outDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bot-pages-'));
      try {
        const { manifest, errors } = await buildManifestPackage({ env: MANIFEST_ENV, outFile: path.join(outDir, 'app.zip') });
        expect(errors).toEqual([]);
        const developer = manifest.developer as { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
        expect(developer).toMatchObject({
          websiteUrl: 'https://cabinet-bot.melton.gov.uk/', privacyUrl: 'https://cabinet-bot.melton.gov.uk/privacy', termsOfUseUrl: 'https://cabinet-bot.melton.gov.uk/terms',
        });
        for (const url of [developer.websiteUrl, developer.privacyUrl, developer.termsOfUseUrl]) {
          const res = await fetch(`${app.url}${new URL(url).pathname}`);
          expect([url, res.status]).toEqual([url, 200]);
          expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
          expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
        }
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });

    it('the privacy notice says what is kept, for how long, who sees it and how to ask for removal, naming the council (escaped)', async () => {
      const html = await (await fetch(`${app.url}/privacy`)).text();
      for (const heading of ['Who is responsible', 'What the bot keeps', 'How long it is kept', 'Who sees it', 'Your rights']) {
        expect(html).toContain(`<h2>${heading}</h2>`);
      }
      expect(html).toContain('Melton Borough Council &lt;Democratic Services&gt; is the data controller');
      expect(html).not.toContain('<Democratic Services>');
      expect(html).toContain('<a href="mailto:dpo@melton.gov.uk">dpo@melton.gov.uk</a>');
      expect(html).toContain('For two days, the ids of each Teams message the bot has handled');
      expect(html).toContain('ask for it to be removed');
    });

    it('the terms of use put the published record first', async () => {
      const html = await (await fetch(`${app.url}/terms`)).text();
      expect(html).toContain('<h1>Terms of use: Cabinet bot</h1>');
      expect(html).toContain('the published record is right');
    });
  });

  describe('without the council named', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.stop());

    it('answers 404 problem+json saying what to set, rather than a page that names nobody', async () => {
      for (const page of ['/', '/privacy', '/terms']) {
        const res = await fetch(`${app.url}${page}`);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(((await res.json()) as { detail: string }).detail).toMatch(/set COUNCIL_NAME and PRIVACY_CONTACT/);
      }
    });
  });
});
