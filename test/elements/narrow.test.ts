/**
 * The elements in a phone's column (320, 375 and 430 px wide): nothing scrolls sideways, the
 * price table drops its per-hour column below 400 px, and every button is a thumb's target
 * (44 × 44 px); live (where there is WebRTC), the video keeps 16:9 with the idle warning inside
 * it. Each width is a frame of that width (its media queries see it), so the test runs the same
 * in every engine, WebKit's WebDriver included (which cannot resize the window).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { messageFrom } from '../helpers/frames.js';
import { requireWebRTC } from '../helpers/capabilities.js';

type Box = {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
};

/**
 * A page `width` px wide (a frame of that width, so its media queries see it) with a page's usual
 * gutters (16 px a side): `body` in it, then `script`, which has `until(test)` and posts its
 * report to this window. Resolves with the report.
 */
async function pageAtWidth<T>(width: number, body: string, script: string): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
  const report = messageFrom<{ report: T }>(frame, 'report');
  frame.srcdoc = `<!doctype html><meta name="viewport" content="width=device-width">
    <body style="margin: 16px">${body}
    <script type="module">
      await import('${location.origin}/src/index.ts');
      const until = async (test) => { for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 50)); };
      const squeeze = (text) => text.replace(/\\s+/g, ' ').trim();
      const box = (node) => { const r = node.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
      const pageWidths = () => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth });
      ${script}
    </script>`;
  document.body.append(frame);
  try {
    return (await report).report;
  } finally {
    frame.remove();
  }
}

interface LiveReport {
  viewport: number;
  /** The frame's height, as the page sees it. */
  height: number;
  /** Hit tests: the part at the keep button's centre, and whether the dialog's corners are its own. */
  reach: { button: string | null; corners: boolean[] };
  stage: Box;
  dialog: Box;
  keepButton: Box;
  cost: { scrollWidth: number; clientWidth: number; text: string };
  countdown: Box;
  page: { scrollWidth: number; clientWidth: number };
}

/**
 * A live session at `width` (text at `textSize`, e.g. 200 % as a visitor sets it), its idle
 * warning open: where the stage, the dialog and the cost line are.
 */
async function liveAtWidth(width: number, textSize = '100%'): Promise<LiveReport> {
  const url = await emulatorUrl();
  return pageAtWidth<LiveReport>(
    width,
    `<reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"
      idle-timeout="1" idle-warning="30" exclusive="false"></reactor-session>`,
    `document.documentElement.style.fontSize = '${textSize}';
      const el = document.querySelector('reactor-session');
      const part = (name) => el.shadowRoot.querySelector('[part~="' + name + '"]');
      await until(() => part('connect-button'));
      part('connect-button').click();
      await until(() => part('idle-dialog')?.open);
      const cost = part('cost');
      parent.postMessage({ report: { viewport: document.documentElement.clientWidth,
        height: innerHeight,
        // What a finger or a pointer reaches: the button's centre, and the dialog's corners.
        reach: (() => {
          const at = (x, y) => el.shadowRoot.elementFromPoint(x, y);
          const k = part('keep-alive-button').getBoundingClientRect();
          const d = part('idle-dialog').getBoundingClientRect();
          return { button: at(k.left + k.width / 2, k.top + k.height / 2)?.closest('button')?.getAttribute('part') ?? null,
            corners: [at(d.left + 3, d.top + 3), at(d.right - 3, d.bottom - 3)].map((n) => !!n?.closest('dialog')) };
        })(),
        stage: box(part('stage')), dialog: box(part('idle-dialog')), keepButton: box(part('keep-alive-button')),
        cost: { scrollWidth: cost.scrollWidth, clientWidth: cost.clientWidth, text: squeeze(cost.textContent) },
        countdown: box(part('countdown')), page: pageWidths(),
      } }, '*');
      el.disconnect();`,
  );
}

interface Report {
  page: { scrollWidth: number; clientWidth: number };
  table: { scrollWidth: number; clientWidth: number; columns: number };
  balance: { scrollWidth: number; clientWidth: number; text: string };
  buttons: { name: string; width: number; height: number }[];
}

/** The three elements at `width`, loaded: what scrolls, the price table's columns, the buttons. */
async function atWidth(width: number): Promise<Report> {
  const url = await emulatorUrl();
  return pageAtWidth<Report>(
    width,
    `<reactor-pricing api-url="${url}"></reactor-pricing>
    <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"></reactor-session>
    <reactor-balance api-url="${url}"></reactor-balance>`,
    `const root = (tag) => document.querySelector(tag).shadowRoot;
      document.querySelector('reactor-balance').source = async () => ({ credits: 1234567 });
      await until(() => root('reactor-pricing')?.querySelectorAll('[part~="row"]').length === 2
        && root('reactor-balance')?.querySelector('[part~="amount"]')
        && root('reactor-session')?.querySelector('[part~="connect-button"]'));
      const base = root('reactor-pricing').querySelector('[part~="base"]');
      const balance = root('reactor-balance').querySelector('[part~="base"]');
      parent.postMessage({ report: { page: pageWidths(),
        table: { scrollWidth: base.scrollWidth, clientWidth: base.clientWidth,
          columns: [...base.querySelectorAll('th[scope="col"]')].filter((th) => th.getBoundingClientRect().width > 0).length },
        balance: { scrollWidth: balance.scrollWidth, clientWidth: balance.clientWidth, text: squeeze(balance.textContent) },
        buttons: ['reactor-pricing', 'reactor-session', 'reactor-balance'].flatMap((tag) =>
          [...root(tag).querySelectorAll('button')].filter((b) => b.getBoundingClientRect().width > 0).map((b) => {
            const r = b.getBoundingClientRect();
            return { name: b.getAttribute('part'), width: Math.round(r.width), height: Math.round(r.height) };
          })),
      } }, '*');`,
  );
}

describe('in a phone column', function () {
  this.timeout(20_000);
  beforeEach(() => resetEmulator());

  for (const width of [320, 375, 430]) {
    it(`${width} px: nothing scrolls sideways, and every button is at least 44 × 44 px`, async () => {
      const r = await atWidth(width);
      expect(r.page.scrollWidth, 'the page').to.be.at.most(r.page.clientWidth);
      expect(r.table.scrollWidth, 'the price table').to.be.at.most(r.table.clientWidth);
      expect(r.balance.scrollWidth, 'the balance').to.be.at.most(r.balance.clientWidth);
      expect(r.balance.text).to.include('1,234,567 credits');
      // Per minute, not also per hour, below 400 px.
      expect(r.table.columns).to.equal(width < 400 ? 3 : 4);
      expect(r.buttons.map((b) => b.name)).to.include('connect-button');
      for (const b of r.buttons) {
        expect(b.height, `${b.name} height`).to.be.at.least(44);
        expect(b.width, `${b.name} width`).to.be.at.least(44);
      }
    });
  }

  for (const width of [320, 430]) {
    it(`${width} px, live: the video keeps 16:9, the idle warning fits the column, and the cost line fits`, async () => {
      requireWebRTC();
      const r = await liveAtWidth(width);
      expect(r.page.scrollWidth, 'the page').to.be.at.most(r.page.clientWidth);
      expect(r.stage.width / r.stage.height).to.be.closeTo(16 / 9, 0.02);
      expect(r.stage.right, 'the stage').to.be.at.most(r.viewport);
      // The dialog (modal, in the window wherever the player is), its text and its button in
      // the column, the button a thumb's target.
      expect(r.dialog.left).to.be.at.least(0);
      expect(r.dialog.right).to.be.at.most(r.viewport);
      expect(r.dialog.top).to.be.at.least(0);
      expect(r.keepButton.height).to.be.at.least(44);
      expect(r.keepButton.bottom).to.be.at.most(r.dialog.bottom);
      expect(r.cost.scrollWidth, 'the cost line').to.be.at.most(r.cost.clientWidth);
      expect(r.cost.text).to.match(/billed/);
      expect(r.countdown.right, 'the countdown').to.be.at.most(r.viewport);
    });
  }

  it('375 px at 200 % text, live: the whole idle warning is in the window, its button too', async () => {
    requireWebRTC();
    const r = await liveAtWidth(375, '200%');
    expect(r.dialog.left).to.be.at.least(0);
    expect(r.dialog.right).to.be.at.most(r.viewport);
    expect(r.dialog.top).to.be.at.least(0);
    expect(r.dialog.bottom).to.be.at.most(r.height);
    expect(r.keepButton.bottom).to.be.at.most(r.dialog.bottom);
    expect(r.keepButton.height).to.be.at.least(44);
    // Not cut by the video box: the button and the whole dialog take a press.
    expect(r.reach.button).to.equal('keep-alive-button');
    expect(r.reach.corners).to.deep.equal([true, true]);
  });
});
