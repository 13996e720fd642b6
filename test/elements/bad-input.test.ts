import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReactorBalance, ReactorPricing, ReactorSession } from '../../src/index.js';
import { capSeconds, idleTimes } from '../../src/session/config.js';
import { backgroundPolicy } from '../../src/session/background.js';
import { sharedPricingCache } from '../../src/platform/pricing.js';
import {
  configureEmulator,
  emulatorUrl,
  ledger,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { part, parts, textOf } from '../helpers/dom.js';
import { requireWebRTC } from '../helpers/capabilities.js';
import { captureConsole } from '../helpers/console.js';

/**
 * Bad input a site owner plausibly writes (#13): each case gets a clear line for the visitor
 * (or a safe default that needs none), one console line for the developer, and breaks nothing
 * else on the page (a sibling element still works); no session is left open. Each case reports
 * its row to the run's bad-input table (test/support/wtr-matrix.ts).
 */
interface Case {
  input: string;
  /** The markup under test (`$API` is the emulator's origin). */
  markup: string;
  /** What the visitor should see, read after `act`. */
  sees: (page: Page) => string | Promise<string>;
  expectSees: string | RegExp;
  console: RegExp;
  act?: (page: Page) => Promise<void>;
  /** Extra checks on the effective values. */
  check?: (page: Page) => void;
  emulator?: Record<string, unknown>;
}

interface Page {
  session: ReactorSession | null;
  pricing: ReactorPricing | null;
  balance: ReactorBalance | null;
}

const SAFE_SIBLING = '<reactor-pricing api-url="$API" model="helios"></reactor-pricing>';
const CALM = 'Live sessions are not available on this page right now.';

const session = (attrs: string) =>
  `<reactor-session model="helios" api-url="$API" token-url="$API/api/reactor-token" ${attrs}></reactor-session>`;

/** Clicks Start and waits until the attempt is over (refused, failed or live). */
/** Start, for a case that gets past the settings (a token, a price): it needs WebRTC. */
async function clickStartLive(page: Page) {
  requireWebRTC();
  await clickStart(page);
}

async function clickStart({ session: el }: Page) {
  part(el!, 'connect-button')!.click();
  await waitFor(() => el!.status !== 'connecting' && el!.status !== 'disconnected', 'the attempt');
  await el!.updateComplete;
}

const errorText = (p: Page) => textOf(part(p.session!, 'error'));
const linksIn = (el: Element) => el.shadowRoot!.querySelectorAll('a').length;
const costText = (p: Page) => textOf(part(p.session!, 'cost'));
const balanceError = async (p: Page) => {
  await waitFor(() => !!part(p.balance!, 'error'), 'the balance error');
  return textOf(part(p.balance!, 'error'));
};
const pricingError = async (p: Page) => {
  await waitFor(() => !!part(p.pricing!, 'error'), 'the pricing error');
  return textOf(part(p.pricing!, 'error'));
};

const pricingDoc = (rate: string) =>
  `{"settings":{"credits_per_dollar":10000},"models":[{"name":"helios","rate":${rate}}]}`;

const cases: Case[] = [
  ...['abc', '-5', '0', '0x10', ''].map((v): Case => ({
    input: `max-duration="${v}"`,
    markup: session(`max-duration="${v}"`),
    sees: costText,
    expectSees: /^Up to 5:00 per session/,
    console: new RegExp(`max-duration="${v}" is not a positive number of seconds: using 300\\.$`),
    check: (p) => expect(capSeconds(p.session!)).to.equal(300),
  })),
  {
    input: 'max-duration="1e9"',
    markup: session('max-duration="1e9"'),
    sees: costText,
    expectSees: /^Up to 20:00 per session/,
    console: /max-duration="1e9" is over the platform's limit: using 1200\.$/,
  },
  ...['soon', '-1', '', ' ', '-0', '0x1'].map((v): Case => ({
    input: `idle-timeout="${v}"`,
    markup: session(`idle-timeout="${v}"`),
    sees: costText,
    expectSees: /^Up to 5:00 per session/,
    console: new RegExp(
      `idle-timeout="${v}" is not a number of seconds \\(0 turns idle detection off\\): using 60\\.$`,
    ),
    // A mistake never turns the safeguard off.
    check: (p) => expect(idleTimes(p.session!).timeoutMs).to.equal(60_000),
  })),
  ...['x', ''].map((v): Case => ({
    input: `idle-warning="${v}"`,
    markup: session(`idle-warning="${v}"`),
    sees: costText,
    expectSees: /^Up to 5:00 per session/,
    console: new RegExp(`idle-warning="${v}" is not a number of seconds: using 20\\.$`),
    check: (p) => expect(idleTimes(p.session!).warningMs).to.equal(20_000),
  })),
  ...['stop', 'keep it'].map((v): Case => ({
    input: `background="${v}"`,
    markup: session(`background="${v}"`),
    sees: costText,
    expectSees: /^Up to 5:00 per session/,
    console: new RegExp(`background="${v}" is not hold, end or keep: using auto\\.$`),
    // A mistake falls back to the safe default, never to "keep" on a phone.
    check: (p) =>
      expect(backgroundPolicy(p.session!)).to.equal(
        matchMedia('(pointer: coarse)').matches ? 'hold' : 'keep',
      ),
  })),
  ...['abc', '-3', '0', '0x10', ''].map((v): Case => ({
    input: `max-cost="${v}", then Start`,
    markup: session(`max-cost="${v}"`),
    act: clickStart,
    sees: errorText,
    expectSees: CALM,
    console: new RegExp(
      `max-cost="${v}" is not a positive number of credits: no session starts until it is fixed\\.$`,
    ),
  })),
  {
    input: 'model="heilos" (a typo)',
    markup: session('').replace('model="helios"', 'model="heilos"'),
    sees: costText,
    expectSees: /price unavailable/,
    console: /model "heilos" has no price in the price list of .* \(priced: helios, lingbot\)\.$/,
  },
  {
    input: 'no token-url, then Start',
    markup: '<reactor-session model="helios" api-url="$API"></reactor-session>',
    act: clickStart,
    sees: errorText,
    expectSees: CALM,
    console: /Set token-url to your site route/,
  },
  {
    input: 'token="rk_live_…" as an attribute',
    markup: '<reactor-session model="helios" api-url="$API" token="rk_live_x"></reactor-session>',
    act: clickStart,
    sees: errorText,
    expectSees: CALM,
    console:
      /is ignored, and it is a Reactor API key: remove it from the page now and rotate the key/,
  },
  {
    input: 'a token route that answers an rk_ API key, then Start',
    markup: '<reactor-session model="helios" api-url="$API"></reactor-session>',
    act: async (p) => {
      requireWebRTC(); // the token is looked at on the way to a live session
      p.session!.tokenProvider = () => Promise.resolve({ jwt: 'rk_live_leaked_key' });
      await clickStart(p);
    },
    sees: errorText,
    expectSees: CALM,
    console: /API key/,
  },
  {
    input: 'token-url on another origin without CORS, then Start',
    markup: `<reactor-session model="helios" api-url="$API" token-url="http://127.0.0.1:${location.port}/__emulator"></reactor-session>`,
    act: clickStartLive,
    sees: errorText,
    expectSees: CALM,
    console: /token-url http:\/\/127\.0\.0\.1:\d+\/__emulator failed/,
  },
  {
    input: 'token-url="data:application/json,{…a token…}", then Start',
    markup: session('').replace(
      /token-url="[^"]*"/,
      `token-url='data:application/json,{"jwt":"eyJ.x.y","expires_at":9999999999}'`,
    ),
    act: clickStart,
    sees: errorText,
    expectSees: CALM,
    console: /token-url must be an http\(s\) route on your backend, not "data:application\/json"/,
  },
  ...['javascript:alert(1)', 'data:text/html,<b>top up</b>'].map((url): Case => ({
    input: `<reactor-balance topup-url="${url}">`,
    markup: `<reactor-balance src="$API/api/reactor-balance" refresh="0" topup-url="${url}"></reactor-balance>`,
    sees: async (p) => {
      await waitFor(() => p.balance!.credits !== null, 'the balance');
      await p.balance!.updateComplete;
      return `${textOf(part(p.balance!, 'amount'))}, ${linksIn(p.balance!)} links`;
    },
    expectSees: '1,000,000 credits, 0 links',
    console: new RegExp(
      `topup-url="${url.replace(/[()]/g, '\\$&')}" is not an http\\(s\\) or relative link: no link is shown\\.$`,
    ),
  })),
  {
    input: '<reactor-session topup-url="javascript:…">, out of credits, then Start',
    markup: session('topup-url="javascript:alert(2)"'),
    emulator: { balance: 0 },
    act: clickStartLive,
    sees: (p) => `${errorText(p)} [${linksIn(p.session!)} links]`,
    expectSees: 'The account is out of credits (402). Top up to start a session. [0 links]',
    console: /topup-url="javascript:alert\(2\)" is not an http\(s\) or relative link/,
  },
  ...(
    [
      ['0', '0'],
      ['vanishing (1e-300)', '1e-300'],
    ] as const
  ).map(([what, rate]): Case => ({
    input: `price list: a rate of ${what} with max-cost="100", then Start`,
    markup: session('max-cost="100"'),
    emulator: {
      pricingBody: `{"settings":{"credits_per_dollar":10000},"models":[{"name":"helios","rate":{"amount_per_sec":${rate}}},{"name":"lingbot","rate":{"amount_per_sec":29}}]}`,
    },
    act: clickStartLive,
    sees: errorText,
    expectSees: /price/,
    console: /model "helios" has no price in the price list of .* \(priced: lingbot\)\.$/,
    check: (p) => expect(p.session!.status).to.equal('error'),
  })),
  {
    input: '<reactor-pricing refresh="abc">',
    markup: '<reactor-pricing api-url="$API" refresh="abc"></reactor-pricing>',
    sees: async (p) => {
      await waitFor(() => parts(p.pricing!, 'row').length === 2, 'the price table');
      return `${parts(p.pricing!, 'row').length} price rows`;
    },
    expectSees: '2 price rows',
    console: /refresh="abc" is not a number of seconds \(0 turns refreshing off\): using 0\.$/,
  },
  ...['soon', ''].map((v): Case => ({
    input: `<reactor-balance refresh="${v}">`,
    markup: `<reactor-balance src="$API/api/reactor-balance" refresh="${v}"></reactor-balance>`,
    sees: async (p) => {
      await waitFor(() => p.balance!.credits !== null, 'the balance');
      await p.balance!.updateComplete;
      return textOf(part(p.balance!, 'amount'));
    },
    expectSees: '1,000,000 credits',
    console: new RegExp(
      `refresh="${v}" is not a number of seconds \\(0 turns refreshing off\\): using 60\\.$`,
    ),
  })),
  ...(
    [
      [
        'credits that are not finite (1e999 in JSON)',
        '{"credits":1e999}',
        /`credits` must be a number/,
      ],
      ['no credits field', '{"mode":"prepaid"}', /`credits` must be a number/],
      ['an HTML page instead of JSON', '<!doctype html><p>Sign in', /not an object/],
    ] as const
  ).map(([what, body, says]): Case => ({
    input: `balance document: ${what}`,
    markup: '<reactor-balance src="$API/api/reactor-balance" refresh="0"></reactor-balance>',
    act: async (p) => {
      await waitFor(() => p.balance!.credits !== null, 'the first balance');
      p.balance!.source = () =>
        Promise.resolve(body.startsWith('<') ? body : (JSON.parse(body) as unknown));
      await p.balance!.updateComplete;
    },
    sees: balanceError,
    expectSees: 'The balance could not be loaded.',
    console: says,
  })),
  ...(
    [
      [
        'a rate that is not finite (1e999)',
        pricingDoc('{"amount_per_sec":1e999}'),
        'application/json',
      ],
      ['a model without a rate', pricingDoc('null'), 'application/json'],
      ['an HTML page (text/html)', '<!doctype html><title>Maintenance</title>', 'text/html'],
    ] as const
  ).map(([what, body, type]): Case => ({
    input: `price list: ${what}`,
    markup: '<reactor-pricing api-url="$API"></reactor-pricing>',
    emulator: { pricingBody: body, pricingContentType: type },
    sees: pricingError,
    expectSees: /^Prices could not be loaded/,
    console: /<reactor-pricing>: (Invalid pricing|\/pricing did not answer JSON)/,
  })),
];

describe('bad input', function () {
  this.timeout(20_000);
  beforeEach(async () => {
    sharedPricingCache().clear();
    await resetEmulator({ gpuDelayMs: 50 });
  });

  for (const c of cases) {
    it(`${c.input}: a clear line, one console line, nothing else broken`, async () => {
      if (c.emulator) await configureEmulator(c.emulator);
      const lines: string[] = [];
      const { warn, error } = console;
      console.warn = console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
      try {
        const api = await emulatorUrl();
        const markup = (
          c.markup + (c.markup.includes('reactor-pricing') ? '' : SAFE_SIBLING)
        ).replaceAll('$API', api);
        const box = await fixture<HTMLDivElement>(html`<div .innerHTML=${markup}></div>`);
        const page: Page = {
          session: box.querySelector('reactor-session'),
          pricing: box.querySelector('reactor-pricing'),
          balance: box.querySelector('reactor-balance'),
        };
        await page.session?.updateComplete;
        await new Promise((r) => setTimeout(r, 50)); // the load-time checks run after the first render
        await c.act?.(page);
        // What loads (a price list, a balance) may take a moment on a busy machine: the visitor's
        // line and the console line are waited for, then asserted as they stand.
        const fits = (seen: string) =>
          typeof c.expectSees === 'string' ? seen === c.expectSees : c.expectSees.test(seen);
        const ours = () => lines.filter((l) => l.startsWith('[reactor-elements]'));
        await waitFor(
          async () => fits(await c.sees(page)) && ours().some((l) => c.console.test(l)),
          'what the visitor sees and the console line',
          5000,
        ).catch(() => undefined);
        const seen = await c.sees(page);
        if (typeof c.expectSees === 'string') expect(seen).to.equal(c.expectSees);
        else expect(seen).to.match(c.expectSees);
        c.check?.(page);
        const said = ours().find((l) => c.console.test(l));
        expect(said, ours().join('\n')).to.be.a('string');
        // Nothing else broke: the sibling (or the element itself) still works.
        // (A price list made to lack helios has no line for the sibling to show.)
        const helios = !c.emulator?.pricingBody;
        if (page.session && page.pricing && c.markup.includes('reactor-session') && helios) {
          await waitFor(() => parts(page.pricing!, 'row').length === 1, 'the sibling price line');
        }
        expect((await ledger()).filter((e) => e.state !== 'CLOSED')).to.deep.equal([]);
        await executeServerCommand('reactor-bad-input-row', {
          input: c.input,
          visitor: seen,
          console: said ?? '(none)',
        });
      } finally {
        console.warn = warn;
        console.error = error;
      }
    });
  }

  it('background=" HOLD " is hold, and background="" the default: a keyword, read trimmed and in any case (no console line)', async () => {
    const log = captureConsole();
    try {
      const api = await emulatorUrl();
      const markup = session('background=" HOLD "') + session('background=""');
      const box = await fixture<HTMLDivElement>(
        html`<div .innerHTML=${markup.replaceAll('$API', api)}></div>`,
      );
      const [held, empty] = [...box.querySelectorAll('reactor-session')];
      await held!.updateComplete;
      await empty!.updateComplete;
      expect(held!.background).to.equal('hold');
      expect(backgroundPolicy(held!)).to.equal('hold');
      expect(empty!.background).to.equal('auto');
      expect(log.said.filter((l) => l.includes('background='))).to.deep.equal([]);
    } finally {
      log.restore();
    }
  });

  it('background removed: the default again, and not a mistake (no console line)', async () => {
    const lines: string[] = [];
    const { warn, error } = console;
    console.warn = console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    try {
      const api = await emulatorUrl();
      const box = await fixture<HTMLDivElement>(
        html`<div .innerHTML=${session('background="end"').replaceAll('$API', api)}></div>`,
      );
      const el = box.querySelector('reactor-session')!;
      await el.updateComplete;
      el.removeAttribute('background');
      await el.updateComplete;
      expect(el.background).to.equal('auto');
      expect(backgroundPolicy(el)).to.equal(
        matchMedia('(pointer: coarse)').matches ? 'hold' : 'keep',
      );
      expect(lines.filter((l) => l.includes('background='))).to.deep.equal([]);
    } finally {
      console.warn = warn;
      console.error = error;
    }
  });
});
