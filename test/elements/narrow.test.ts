/**
 * The elements in a phone's column (320, 375 and 430 px wide): nothing scrolls sideways, the
 * price table drops its per-hour column below 400 px, and every button is a thumb's target
 * (44 × 44 px). Each width is a frame of that width (its media queries see it), so the test
 * runs the same in every engine, WebKit's WebDriver included (which cannot resize the window).
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

interface LiveReport {
  viewport: number;
  stage: Box;
  dialog: Box;
  keepButton: Box;
  cost: { scrollWidth: number; clientWidth: number; text: string };
  countdown: Box;
  page: { scrollWidth: number; clientWidth: number };
}

/** A live session at `width`, its idle warning open: where the stage, the dialog and the cost line are. */
async function liveAtWidth(width: number): Promise<LiveReport> {
  const url = await emulatorUrl();
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
  const report = messageFrom<LiveReport & { live: true }>(frame, 'live');
  frame.srcdoc = `<!doctype html><meta name="viewport" content="width=device-width">
    <body style="margin: 16px">
    <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"
      idle-timeout="1" idle-warning="30" exclusive="false"></reactor-session>
    <script type="module">
      await import('${location.origin}/src/index.ts');
      const until = async (test) => { for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 50)); };
      const el = document.querySelector('reactor-session');
      const part = (name) => el.shadowRoot.querySelector('[part~="' + name + '"]');
      await until(() => part('connect-button'));
      part('connect-button').click();
      await until(() => part('idle-dialog')?.open);
      const box = (node) => { const r = node.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
      const cost = part('cost');
      parent.postMessage({ live: true, viewport: document.documentElement.clientWidth,
        stage: box(part('stage')), dialog: box(part('idle-dialog')), keepButton: box(part('keep-alive-button')),
        cost: { scrollWidth: cost.scrollWidth, clientWidth: cost.clientWidth, text: cost.textContent.replace(/\\s+/g, ' ').trim() },
        countdown: box(part('countdown')),
        page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
      }, '*');
      el.disconnect();
    </script>`;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

interface Report {
  page: { scrollWidth: number; clientWidth: number };
  table: { scrollWidth: number; clientWidth: number; columns: number };
  balance: { scrollWidth: number; clientWidth: number; text: string };
  buttons: { name: string; width: number; height: number }[];
}

async function atWidth(width: number): Promise<Report> {
  const url = await emulatorUrl();
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
  const report = messageFrom<Report & { narrow: true }>(frame, 'narrow');
  // A page's usual gutters: 16 px a side.
  frame.srcdoc = `<!doctype html><meta name="viewport" content="width=device-width">
    <body style="margin: 16px">
    <reactor-pricing api-url="${url}"></reactor-pricing>
    <reactor-session model="helios" api-url="${url}" token-url="${url}/api/reactor-token"></reactor-session>
    <reactor-balance api-url="${url}"></reactor-balance>
    <script type="module">
      await import('${location.origin}/src/index.ts');
      const until = async (test) => { for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 50)); };
      const root = (tag) => document.querySelector(tag).shadowRoot;
      document.querySelector('reactor-balance').source = async () => ({ credits: 1234567 });
      await until(() => root('reactor-pricing')?.querySelectorAll('[part~="row"]').length === 2
        && root('reactor-balance')?.querySelector('[part~="amount"]')
        && root('reactor-session')?.querySelector('[part~="connect-button"]'));
      const base = root('reactor-pricing').querySelector('[part~="base"]');
      const balance = root('reactor-balance').querySelector('[part~="base"]');
      parent.postMessage({ narrow: true,
        page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
        table: { scrollWidth: base.scrollWidth, clientWidth: base.clientWidth,
          columns: [...base.querySelectorAll('th[scope="col"]')].filter((th) => th.getBoundingClientRect().width > 0).length },
        balance: { scrollWidth: balance.scrollWidth, clientWidth: balance.clientWidth, text: balance.textContent.replace(/\\s+/g, ' ').trim() },
        buttons: ['reactor-pricing', 'reactor-session', 'reactor-balance'].flatMap((tag) =>
          [...root(tag).querySelectorAll('button')].filter((b) => b.getBoundingClientRect().width > 0).map((b) => {
            const r = b.getBoundingClientRect();
            return { name: b.getAttribute('part'), width: Math.round(r.width), height: Math.round(r.height) };
          })),
      }, '*');
    </script>`;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
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
    it(`${width} px, live: the video keeps 16:9, the idle warning fits inside it, and the cost line fits`, async () => {
      requireWebRTC();
      const r = await liveAtWidth(width);
      expect(r.page.scrollWidth, 'the page').to.be.at.most(r.page.clientWidth);
      expect(r.stage.width / r.stage.height).to.be.closeTo(16 / 9, 0.02);
      expect(r.stage.right, 'the stage').to.be.at.most(r.viewport);
      // The dialog, its text and its button inside the video, the button a thumb's target.
      expect(r.dialog.left).to.be.at.least(r.stage.left);
      expect(r.dialog.right).to.be.at.most(r.stage.right);
      expect(r.dialog.top).to.be.at.least(r.stage.top);
      expect(r.dialog.bottom).to.be.at.most(r.stage.bottom);
      expect(r.keepButton.height).to.be.at.least(44);
      expect(r.keepButton.bottom).to.be.at.most(r.dialog.bottom);
      expect(r.cost.scrollWidth, 'the cost line').to.be.at.most(r.cost.clientWidth);
      expect(r.cost.text).to.match(/billed/);
      expect(r.countdown.right, 'the countdown').to.be.at.most(r.viewport);
    });
  }
});
