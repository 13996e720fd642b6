/**
 * `controls` on a live session, on the strict emulator (today's runtime: the contract only from
 * `requestSchema`): markup only, a visitor types, holds, picks and snaps, and the GPU side's
 * command log is the judge. Real keys (`sendKeys`) and a real mouse (`sendMouse`) where it
 * matters; the touch of a phone is in controls-phone.test.ts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import {
  commandLog,
  emulatorUrl,
  moderate,
  resetEmulator,
  waitFor,
  type ReceivedCommand,
} from '../helpers/emulator.js';
import { part, parts, textOf } from '../helpers/dom.js';
import { goLive, partText, sessionFixture, sleep } from '../helpers/session.js';
import { captureConsole } from '../helpers/console.js';
import { axeViolations } from '../helpers/axe.js';

const STRICT = { strict: true, gpuDelayMs: 50, models: { helios: 17, lingbot: 29, sampler: 3 } };

const players: ReactorSession[] = [];

/** A live player with `controls` (and `attributes`), its controls rendered. */
async function livePlayer(model: string, attributes = 'controls') {
  const el = await sessionFixture({ model, attributes: `idle-timeout="0" ${attributes}` });
  players.push(el);
  const id = await goLive(el);
  await waitFor(() => parts(el, 'control').length > 0, 'the controls');
  await el.updateComplete;
  return { el, id };
}

const sent = async (id: string, command: string) =>
  (await commandLog(id)).filter((c) => c.command === command);

const waitSent = (id: string, command: string, count: number) =>
  waitFor(async () => {
    const log = await sent(id, command);
    return log.length >= count && log;
  }, `${count} × ${command} in the command log`) as Promise<ReceivedCommand[]>;

/** The centre of an element, in the page's CSS pixels (for the real mouse). */
function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

/** The part that has focus inside the player. */
const focused = (el: ReactorSession) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('controls: a visitor plays, markup only', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator(STRICT));
  afterEach(() => players.splice(0).forEach((el) => el.disconnect()));

  it('helios: a typed prompt goes with Enter; one in flight, then a cooldown; the count shows', async () => {
    const { el, id } = await livePlayer('helios');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="prompt"] input')!;
    expect(input.maxLength).to.equal(2000);
    expect(textOf(el.shadowRoot!.querySelector('[part~="prompt"] label'))).to.equal('Prompt');
    input.focus();
    await sendKeys({ type: 'a castle' });
    await el.updateComplete;
    expect(partText(el, 'prompt-count')).to.equal('8 of 2000 characters');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' }); // within the cooldown: not sent again
    const log = await waitSent(id, 'set_prompt', 1);
    expect(log[0]!.data).to.deep.equal({ prompt: 'a castle' });
    await el.updateComplete;
    expect(partText(el, 'controls-status')).to.equal('Sent: Prompt.');
    const send = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="prompt"] button')!;
    expect(send.disabled, 'cooling down').to.equal(true);
    await waitFor(() => !send.disabled, 'the cooldown to pass');
    await sendKeys({ press: 'Enter' });
    await waitSent(id, 'set_prompt', 2);
    expect(await sent(id, 'set_prompt')).to.have.length(2);
    el.disconnect();
  });

  it('lingbot: the pad holds with the mouse (pressed true, then false), and with Space and Enter by keyboard', async () => {
    const { el, id } = await livePlayer('lingbot');
    const pad = part(el, 'hold-pad')!;
    expect(pad.getAttribute('aria-label')).to.equal('Move');
    const buttons = [...pad.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Forward',
      'Left',
      'Right',
      'Back',
    ]);
    const [forward, left] = buttons as [HTMLButtonElement, HTMLButtonElement];
    const [x, y] = centre(forward);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await el.updateComplete;
    expect(forward.getAttribute('aria-pressed')).to.equal('true');
    await sleep(300);
    await sendMouse({ type: 'up' });
    const mouse = await waitSent(id, 'move', 2);
    expect(mouse.map((c) => c.data)).to.deep.equal([
      { direction: 'forward', pressed: true },
      { direction: 'forward', pressed: false },
    ]);
    left.focus();
    await sendKeys({ down: ' ' });
    await sleep(200);
    await sendKeys({ up: ' ' });
    await sendKeys({ down: 'Enter' });
    await sendKeys({ up: 'Enter' });
    const keys = (await waitSent(id, 'move', 6)).slice(2);
    expect(keys.map((c) => c.data)).to.deep.equal([
      { direction: 'left', pressed: true },
      { direction: 'left', pressed: false },
      { direction: 'left', pressed: true },
      { direction: 'left', pressed: false },
    ]);
    el.disconnect();
  });

  it('a hold lets go on pointer cancel, on lost capture, on window blur and on the page hidden', async () => {
    const { el, id } = await livePlayer('lingbot');
    const forward = part(el, 'hold-pad')!.querySelector('button')!;
    const down = () =>
      forward.dispatchEvent(
        new PointerEvent('pointerdown', { pointerId: 7, button: 0, bubbles: true, composed: true }),
      );
    const endings: [string, () => void][] = [
      [
        'pointercancel',
        () => forward.dispatchEvent(new PointerEvent('pointercancel', { pointerId: 7 })),
      ],
      [
        'lostpointercapture',
        () => forward.dispatchEvent(new PointerEvent('lostpointercapture', { pointerId: 7 })),
      ],
      ['window blur', () => window.dispatchEvent(new Event('blur'))],
      [
        'page hidden',
        () => {
          Object.defineProperty(document, 'visibilityState', {
            configurable: true,
            get: () => 'hidden',
          });
          document.dispatchEvent(new Event('visibilitychange'));
          delete (document as { visibilityState?: string }).visibilityState;
        },
      ],
    ];
    let count = 0;
    for (const [name, end] of endings) {
      down();
      end();
      count += 2;
      const log = await waitSent(id, 'move', count);
      expect(
        log.slice(-2).map((c) => c.data),
        name,
      ).to.deep.equal([
        { direction: 'forward', pressed: true },
        { direction: 'forward', pressed: false },
      ]);
    }
    el.disconnect();
  });

  it('lingbot: a picked image is uploaded with its progress, then sent as set_seed_image', async () => {
    const { el, id } = await livePlayer('lingbot');
    const picker = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="upload"] input')!;
    expect(picker.accept).to.equal('image/*');
    expect(textOf(part(el, 'upload'))).to.equal('Seed image');
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    canvas.getContext('2d')!.fillRect(0, 0, 16, 16);
    const png = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const files = new DataTransfer();
    files.items.add(new File([png], 'seed.png', { type: 'image/png' }));
    picker.files = files.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    const [command] = await waitSent(id, 'set_seed_image', 1);
    expect(command!.uploads!.image).to.include({
      name: 'seed.png',
      mime_type: 'image/png',
      size: png.size,
    });
    const uploads = await (await fetch(`${await emulatorUrl()}/_emulator/uploads`)).json();
    expect(JSON.stringify(uploads)).to.contain(String(command!.uploads!.image!.upload_id));
    await el.updateComplete;
    expect(partText(el, 'controls-status')).to.equal('Sent: Seed image.');
    el.disconnect();
  });

  it('the snapshot is a PNG of the live frame, given to the page first (reactor-snapshot)', async () => {
    const { el } = await livePlayer('helios');
    await waitFor(() => (el.shadowRoot!.querySelector('video')?.readyState ?? 0) >= 2, 'a frame');
    const snapped = new Promise<File>((resolve) =>
      el.addEventListener(
        'reactor-snapshot',
        (e) => {
          e.preventDefault(); // the page takes it: no download in the test
          resolve(e.detail.file);
        },
        { once: true },
      ),
    );
    part(el, 'snapshot-button')!.click();
    const file = await snapped;
    expect(file.type).to.equal('image/png');
    expect(file.name).to.match(/^helios-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.png$/);
    const bytes = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    expect([...bytes]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
    const bitmap = await createImageBitmap(file);
    const video = el.shadowRoot!.querySelector('video')!;
    expect([bitmap.width, bitmap.height]).to.deep.equal([video.videoWidth, video.videoHeight]);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const pixels = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let lit = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! > 60) lit++;
    expect(lit / (pixels.length / 4), 'share of non-black pixels').to.be.above(0.1);
    expect((await el.snapshot())?.type).to.equal('image/png');
    el.disconnect();
  });

  it('sampler: every kind of control sends what its schema says; the one it cannot map is named once', async () => {
    const log = captureConsole();
    const { el, id } = await livePlayer(
      'sampler',
      'controls control-labels=\'{"set_style":"Look"}\'',
    );
    log.restore();
    expect(log.said.filter((l) => l.includes('set_path'))).to.have.length(1);
    const root = el.shadowRoot!;
    const byLabel = (label: string) =>
      [...root.querySelectorAll<HTMLElement>('[part~="control"]')].find(
        (c) => c.getAttribute('aria-label') === label || textOf(c).startsWith(label),
      )!;
    (byLabel('Random image') as HTMLButtonElement).click();
    const look = byLabel('Look');
    look.querySelectorAll('button')[1]!.click();
    const paused = byLabel('Paused') as HTMLButtonElement;
    expect(paused.getAttribute('aria-pressed')).to.equal('false');
    paused.click();
    await el.updateComplete;
    expect(paused.getAttribute('aria-pressed')).to.equal('true');
    const range = byLabel('Speed').querySelector<HTMLInputElement>('input')!;
    range.focus();
    await sendKeys({ press: 'ArrowRight' });
    (byLabel('Reset') as HTMLButtonElement).click();
    await waitSent(id, 'reset', 1);
    const all = await commandLog(id);
    const data = (name: string) => all.filter((c) => c.command === name).map((c) => c.data);
    expect(data('random_image')).to.deep.equal([{}]);
    expect(data('set_style')).to.deep.equal([{ style: 'photo' }]);
    expect(data('set_paused')).to.deep.equal([{ paused: true }]);
    expect(data('set_speed')).to.deep.equal([{ speed: 10.5 }]);
    expect(data('reset')).to.deep.equal([{}]);
    el.disconnect();
  });

  it('keyboard only: Tab reaches every control in the order seen, and leaves for End; no trap', async () => {
    const { el } = await livePlayer('lingbot');
    const order: string[] = [];
    const seen: Element[] = [];
    part(el, 'hold-pad')!.querySelector('button')!.focus();
    for (let i = 0; i < 8; i++) {
      const now = focused(el);
      // The file input is hidden inside its visible label: the label is what is seen.
      seen.push((now?.closest('label') ?? now)!);
      order.push(
        now?.getAttribute('aria-label') ||
          now?.getAttribute('part') ||
          textOf(now) ||
          String(now?.tagName),
      );
      await sendKeys({ press: 'Tab' });
    }
    expect(order).to.deep.equal([
      'Forward',
      'Left',
      'Right',
      'Back',
      'INPUT',
      'snapshot-button',
      'fullscreen-button',
      'disconnect-button',
    ]);
    // Each one is seen after the one before it: on a lower row, or to its right (measured at
    // once: Tab scrolls the page).
    const boxes = seen.map((node) => node.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) {
      const [before, now] = [boxes[i - 1]!, boxes[i]!];
      expect(
        now.top >= before.bottom - 1 || now.left >= before.right - 1,
        `${order[i]} ${JSON.stringify(now)} after ${JSON.stringify(before)}`,
      ).to.equal(true);
    }
    el.disconnect();
  });

  it('a control counts as activity: prompts sent every second keep a 2 s idle timer from warning', async () => {
    const el = await sessionFixture({
      model: 'helios',
      attributes: 'controls idle-timeout="2" idle-warning="5"',
    });
    players.push(el);
    await goLive(el);
    await waitFor(() => part(el, 'prompt') ?? false, 'the prompt');
    let warned = false;
    el.addEventListener('reactor-idle-warning', () => (warned = true));
    const form = part(el, 'prompt') as HTMLFormElement;
    (form.querySelector('input') as HTMLInputElement).value = 'on';
    for (let i = 0; i < 4; i++) {
      await sleep(1100);
      form.requestSubmit();
    }
    expect(warned).to.equal(false);
    el.disconnect();
  });

  it('the platform’s moderation message is read out beside the controls; axe finds nothing (WCAG 2.2 AA) on a light and a dark surface', async () => {
    const { el, id } = await livePlayer('lingbot');
    await moderate(id, 'warn', 'That image was refused.');
    await waitFor(() => partText(el, 'moderation') === 'That image was refused.', 'the message');
    const controls = part(el, 'controls')!;
    expect(controls.nextElementSibling?.getAttribute('part')).to.equal('moderation');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.style.setProperty('--reactor-surface', '#101216');
    el.style.setProperty('--reactor-color', '#f1f3f5');
    el.style.setProperty('--reactor-accent', '#74c0fc');
    el.style.setProperty('--reactor-muted', '#adb5bd');
    el.style.setProperty('--reactor-danger', '#ff8787');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.disconnect();
  });

  it('the controls go away with the session, and the next session starts them afresh', async () => {
    const { el } = await livePlayer('sampler');
    const paused = () =>
      [...el.shadowRoot!.querySelectorAll('[part~="toggle"]')].find((b) => textOf(b) === 'Paused')!;
    (paused() as HTMLButtonElement).click();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="prompt"] input')!;
    input.focus();
    await sendKeys({ type: 'dusk' });
    await el.updateComplete;
    expect(paused().getAttribute('aria-pressed')).to.equal('true');
    expect(partText(el, 'prompt-count')).to.equal('4 of 200 characters');
    el.disconnect();
    await el.updateComplete;
    expect(part(el, 'controls')).to.equal(null);
    await goLive(el);
    await waitFor(() => parts(el, 'control').length > 0, 'the controls again');
    await el.updateComplete;
    expect(paused().getAttribute('aria-pressed')).to.equal('false');
    expect(partText(el, 'prompt-count')).to.equal('0 of 200 characters');
    expect(partText(el, 'controls-status')).to.equal('');
  });
});
