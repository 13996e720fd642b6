/**
 * Each token-route template in its platform's own runtime, against the emulator: a page on
 * another origin gets a token through the CORS preflight, a session goes live with it (the
 * scripted GPU peer) and is ended by the client (the ledger says so); a foreign origin and a
 * wildcard look-alike get 403; a missing variable is named; the API key appears in no answer and
 * no log line. On Cloudflare, two Worker instances count one per-client limit in one Durable
 * Object.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectSession, startEmulator, type Harness } from './emulator-client.js';
import {
  RUNTIMES,
  startTemplate,
  type RunningRoute,
  type Template,
} from '../../scripts/template-runtimes.js';

const KEY = 'rk_emulator_local_key';
const PAGE = 'https://my-site.webflow.io';
const TEMPLATES: Template[] = ['cloudflare-worker', 'vercel', 'netlify', 'deno'];

const vars = (url: string, extra: Record<string, string> = {}) => ({
  REACTOR_API_KEY: KEY,
  REACTOR_API_URL: url,
  REACTOR_MODELS: 'reactor/helios',
  REACTOR_ALLOWED_ORIGINS: 'https://www.example.com,https://*.webflow.io',
  REACTOR_MAX_DURATION: '300',
  ...extra,
});

const ask = (base: string, origin: string, method = 'GET') =>
  fetch(`${base}/api/reactor-token`, {
    method,
    headers: {
      Origin: origin,
      ...(method === 'OPTIONS' ? { 'Access-Control-Request-Method': 'GET' } : {}),
    },
  });

for (const template of TEMPLATES) {
  describe(`template ${template} in ${RUNTIMES[template]}`, { timeout: 90_000 }, () => {
    let h: Harness;
    let route: RunningRoute;
    before(async () => {
      h = await startEmulator();
      route = await startTemplate(template, vars(h.url, { REACTOR_PER_CLIENT_PER_MINUTE: '3' }));
    });
    after(async () => {
      await route?.stop();
      await h?.stop();
    });

    it('a page on a preview domain gets a token through the preflight; its session goes live and the client ends it', async () => {
      const base = route.urls[0]!;
      const preflight = await ask(base, PAGE, 'OPTIONS');
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), PAGE);
      const answer = await ask(base, PAGE);
      assert.equal(answer.status, 200, await answer.clone().text());
      assert.equal(answer.headers.get('access-control-allow-origin'), PAGE);
      const text = await answer.text();
      assert.doesNotMatch(text, new RegExp(KEY));
      const { jwt } = JSON.parse(text) as { jwt: string };
      const { id } = await connectSession(h, jwt);
      await h.waitFor(async () => (await h.entry(id)).ready_at !== null, 'billing');
      const ended = await h.call('DELETE', `/sessions/${id}`, { jwt });
      assert.equal(ended.status, 200);
      const entry = await h.entry(id);
      assert.deepEqual([entry.state, entry.ended_by], ['CLOSED', 'client']);
    });

    it('refuses a foreign origin and a wildcard look-alike (403)', async () => {
      const base = route.urls[0]!;
      for (const origin of ['https://evil.example', 'https://webflow.io.evil.example']) {
        const refused = await ask(base, origin);
        assert.equal(refused.status, 403, origin);
        assert.equal(refused.headers.get('access-control-allow-origin'), null);
      }
    });

    if (template === 'cloudflare-worker') {
      it('two Worker instances count one per-client limit in the Durable Object (3 a minute: the 4th is refused)', async () => {
        // Another client than the first test's: CF-Connecting-IP is what Cloudflare's edge sets.
        const take = (base: string) =>
          fetch(`${base}/api/reactor-token`, {
            headers: { Origin: PAGE, 'CF-Connecting-IP': '203.0.113.9' },
          }).then((r) => r.status);
        const [a, b] = route.urls as [string, string];
        assert.deepEqual(
          [await take(a), await take(b), await take(a), await take(b)],
          [200, 200, 200, 429],
        );
      });
    }

    it('the API key is in no log line', () => {
      assert.doesNotMatch(route.output(), new RegExp(KEY));
    });
  });
}

describe('a template with a variable missing', { timeout: 60_000 }, () => {
  for (const template of TEMPLATES) {
    it(`${template}: every request is refused with a message that names it`, async () => {
      const h = await startEmulator();
      const unset: Record<string, string> = vars(h.url);
      delete unset.REACTOR_API_KEY;
      const route = await startTemplate(template, unset);
      try {
        const answer = await ask(route.urls[0]!, PAGE);
        assert.equal(answer.status, 500);
        const body = (await answer.json()) as { code: string; message: string };
        assert.equal(body.code, 'broker-not-set-up');
        assert.match(body.message, /^The token route is not set up: Set REACTOR_API_KEY/);
        assert.match(route.output(), /not set up: Set REACTOR_API_KEY/);
      } finally {
        await route.stop();
        await h.stop();
      }
    });
  }
});
