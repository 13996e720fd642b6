/**
 * `controls` on a phone: a real tab with a phone's screen and touch (Chromium's device
 * emulation: 390 × 844, coarse pointer), the built script and the tag, nothing else. Every target
 * measured at 44 × 44 CSS px or more with 8 px between, text at 16 px or more, nothing wider
 * than the screen, the controls under the video; a finger held on "forward" moves, then stops.
 * Firefox cannot emulate a phone: there the same page runs at its own size, with the same touch.
 */
import { expect } from '@open-wc/testing';
import { commandLog, emulatorUrl, resetEmulator, waitFor } from '../helpers/emulator.js';
import { tab } from '../helpers/tabs.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';
import { bundleBuilt } from '../helpers/builders.js';

const PLAYER = `document.querySelector('reactor-session')`;

/** What the page measures: targets, gaps, fonts, overflow, where the controls sit. */
const MEASURE = `(() => {
  const root = ${PLAYER}.shadowRoot;
  const targets = [...root.querySelectorAll('.controls button, .controls .upload, .controls input:not(.sr-only)')];
  const rects = targets.map((t) => t.getBoundingClientRect());
  const small = targets
    .map((t, i) => [t.getAttribute('aria-label') || t.textContent.trim() || t.tagName, rects[i]])
    .filter(([, r]) => r.width < 44 || r.height < 44)
    .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  let closest = Infinity;
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      const dx = Math.max(b.left - a.right, a.left - b.right);
      const dy = Math.max(b.top - a.bottom, a.top - b.bottom);
      closest = Math.min(closest, Math.max(dx, dy));
    }
  const fonts = [...root.querySelectorAll('.controls input, .controls button, .controls label')]
    .map((n) => parseFloat(getComputedStyle(n).fontSize));
  const stage = root.querySelector('[part~="stage"]').getBoundingClientRect();
  const controls = root.querySelector('[part~="controls"]').getBoundingClientRect();
  return {
    count: targets.length,
    small,
    closest: Math.round(closest * 10) / 10,
    smallestFont: Math.min(...fonts),
    overflow: document.documentElement.scrollWidth - innerWidth,
    below: controls.top >= stage.bottom,
    width: innerWidth,
  };
})()`;

describe('controls on a phone', function () {
  this.timeout(40_000);
  before(async function () {
    skipWithoutWebRTC.call(this);
    // The tab loads the built classic script, which the test server builds on first request.
    this.timeout(120_000);
    await bundleBuilt();
  });
  beforeEach(() =>
    resetEmulator({
      strict: true,
      gpuDelayMs: 50,
      models: { helios: 17, lingbot: 29, sampler: 3 },
    }),
  );

  const opened: number[] = [];
  afterEach(async () => {
    for (const id of opened.splice(0)) await tab({ op: 'close', tab: id }).catch(() => undefined);
  });

  /** A phone's tab of `model` with `controls`, started by a tap on Start, its controls shown. */
  async function livePhone(model: string) {
    const t = await tab<{ tab: number; phone: boolean }>({
      op: 'open',
      apiUrl: await emulatorUrl(),
      phone: true,
      model,
      scale: 1,
      waitReady: false,
      attrs: 'controls idle-timeout="0"',
    });
    opened.push(t.tab);
    await waitFor(() => tab<boolean>({ op: 'click', tab: t.tab, part: 'connect-button' }), 'Start');
    const id = await waitFor(
      () => tab<string | false>({ op: 'eval', tab: t.tab, js: 'window.reactorReady || false' }),
      'the session to be live',
    );
    await waitFor(
      () =>
        tab<boolean>({
          op: 'eval',
          tab: t.tab,
          js: `!!${PLAYER}.shadowRoot.querySelector('[part~="control"]')`,
        }),
      'the controls',
    );
    return { ...t, id };
  }

  // sampler has every kind of control, lingbot's pad among them.
  it('sampler: every target at least 44 × 44 px, 8 px apart, text at least 16 px, under the video, no overflow', async () => {
    const t = await livePhone('sampler');
    const m = await tab<{
      count: number;
      small: string[];
      closest: number;
      smallestFont: number;
      overflow: number;
      below: boolean;
      width: number;
    }>({ op: 'eval', tab: t.tab, js: MEASURE });
    if (t.phone) expect(m.width).to.equal(390);
    expect(m.count).to.be.above(15);
    expect(m.small, 'targets under 44 × 44').to.deep.equal([]);
    expect(m.closest, 'the closest two targets, px apart').to.be.at.least(8);
    expect(m.smallestFont).to.be.at.least(16);
    expect(m.overflow, 'px wider than the screen').to.be.at.most(0);
    expect(m.below, 'the controls under the video').to.equal(true);
  });

  it('lingbot: a finger held on "forward" sends pressed true, and lifted pressed false', async () => {
    const t = await livePhone('lingbot');
    // Held until the finger lifted: the release reaches the GPU side after the lift (a busy
    // browser may deliver the press late, so the gap between the two says nothing). A hold also
    // lets go when the window loses the focus, as it should; when another test's window took it
    // during the hold, the hold is tried again.
    for (let attempt = 1; ; attempt++) {
      const touch = await tab<{ liftedAt: number; interruptions: string[] } | null>({
        op: 'touch',
        tab: t.tab,
        selector: '[part~="hold-pad"] button[aria-label="Forward"]',
        holdMs: 400,
      });
      expect(touch, 'the Forward button').not.to.equal(null);
      const moves = await waitFor(async () => {
        const log = (await commandLog(t.id)).filter((c) => c.command === 'move');
        return log.length >= 2 * attempt && log.slice(-2);
      }, 'two moves');
      expect(moves.map((c) => c.data)).to.deep.equal([
        { direction: 'forward', pressed: true },
        { direction: 'forward', pressed: false },
      ]);
      if (moves[1]!.at >= touch!.liftedAt) break;
      // Let go early: only the focus lost or the page hidden may do that (then once more).
      const why = touch!.interruptions;
      expect(
        attempt < 3 && why.length > 0 && why.every((type) => type !== 'pointercancel'),
        `released ${touch!.liftedAt - moves[1]!.at} ms before the lift (events: ${why.join(', ') || 'none'})`,
      ).to.equal(true);
    }
  });
});
