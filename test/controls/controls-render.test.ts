/**
 * The visitor controls without a stream, so in every engine (WebKit's build has no WebRTC): the
 * controls unit rendered by a small host element from the `sampler` contract, as the player
 * renders it. Sizes, names, holds, the live region, axe, fullscreen's ways.
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ModelControlsController } from '../../src/controls/model-controls-controller.js';
import { controlsPanel } from '../../src/controls/templates.js';
import { controlStyles } from '../../src/controls/styles.js';
import { controlMessages } from '../../src/controls/messages.js';
import { fullscreenWay } from '../../src/controls/fullscreen.js';
import { deliverFile } from '../../src/controls/frame-capture.js';
import { hostStyles } from '../../src/elements/shared-styles.js';
import { legacyCommands } from '../../demo/emulator/models.js';
import { FileRef } from '../../src/platform/commands.js';
import { axeViolations } from '../helpers/axe.js';
import { captureConsole } from '../helpers/console.js';

const sent: [string, Record<string, unknown>][] = [];
let activity = 0;

class ControlsHost extends LitElement {
  static override styles = [hostStyles, controlStyles];
  readonly panel = new ModelControlsController(this, {
    send: async (name, data) => {
      if (name === 'random_image') throw new Error('the model is busy');
      sent.push([name, data]);
    },
    upload: async (file) => new FileRef('u1', file.name, file.type, file.size),
    activity: () => activity++,
    video: () => null,
    model: () => 'sampler',
    snapped: () => false,
    texts: () => controlMessages,
  });

  override render() {
    const plan = this.panel.plan(legacyCommands('sampler'), '', null);
    return html`<div class=${this.panel.filled ? 'base filled' : 'base'}>
      ${controlsPanel(this.panel, plan, controlMessages)}
    </div>`;
  }
}
customElements.define('test-controls-host', ControlsHost);

async function host(): Promise<ControlsHost> {
  sent.length = 0;
  const log = captureConsole(); // the line for set_path, which gets no control
  const el = await fixture<ControlsHost>(
    testHtml`<test-controls-host style="max-width: 390px"></test-controls-host>`,
  );
  await el.updateComplete;
  log.restore();
  expect(log.said.join()).to.contain('"set_path" gets no control');
  return el;
}

const $ = <T extends Element>(el: ControlsHost, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

describe('controls without a stream (every engine)', () => {
  it('reads controls as a framework passes it: true is all, false or "false" none', async () => {
    await import('../../src/index.js');
    const box = await fixture<HTMLDivElement>(
      testHtml`<div><reactor-session model="helios" controls="false"></reactor-session></div>`,
    );
    const el = box.querySelector('reactor-session')!;
    await el.updateComplete;
    expect(el.controls).to.equal(null);
    (el as unknown as { controls: unknown }).controls = true;
    await el.updateComplete;
    expect(el.controls).to.equal('');
    el.controls = 'move';
    await el.updateComplete;
    expect(el.getAttribute('controls')).to.equal('move');
    (el as unknown as { controls: unknown }).controls = false;
    await el.updateComplete;
    expect(el.controls).to.equal(null);
    expect(el.hasAttribute('controls')).to.equal(false);
  });

  it('renders every control of the contract at 44 × 44 px or more, 8 px apart, named', async () => {
    const el = await host();
    const targets = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>(
        '.controls button, .controls .upload, .controls input:not(.sr-only)',
      ),
    ];
    expect(targets.length).to.be.above(15);
    for (const t of targets) {
      const r = t.getBoundingClientRect();
      expect(r.width, t.outerHTML.slice(0, 80)).to.be.at.least(44);
      expect(r.height, t.outerHTML.slice(0, 80)).to.be.at.least(44);
    }
    const rects = targets.map((t) => t.getBoundingClientRect());
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const [a, b] = [rects[i]!, rects[j]!];
        const apart = Math.max(
          b.left - a.right,
          a.left - b.right,
          b.top - a.bottom,
          a.top - b.bottom,
        );
        expect(apart, `${i} and ${j}`).to.be.at.least(7.9);
      }
    expect(getComputedStyle($(el, '.prompt input')).fontSize).to.equal('16px');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('holds by pointer and keys, lets go on blur, and counts each use as activity', async () => {
    const el = await host();
    const jump = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.hold')].find(
      (b) => b.textContent!.trim() === 'Jump',
    )!;
    const before = activity;
    jump.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, button: 0 }));
    await el.updateComplete;
    expect(jump.getAttribute('aria-pressed')).to.equal('true');
    jump.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1 }));
    jump.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    jump.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', repeat: true }));
    window.dispatchEvent(new Event('blur'));
    expect(sent).to.deep.equal([
      ['act', { action: 'jump', pressed: true }],
      ['act', { action: 'jump', pressed: false }],
      ['act', { action: 'jump', pressed: true }],
      ['act', { action: 'jump', pressed: false }],
    ]);
    expect(activity - before).to.be.at.least(2);
  });

  it('reads a failed send out in the live region, and sends a picked file as a reference', async () => {
    const el = await host();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent!.trim() === 'Random image')!
      .click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    const status = $(el, '[part~="controls-status"]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent!.trim()).to.equal('Not sent: the model is busy');
    const file = new File(['x'], 'seed.png', { type: 'image/png' });
    await el.panel.sendFile(
      {
        kind: 'upload',
        command: 'set_seed_image',
        label: 'Seed image',
        field: 'image',
        accept: 'image/*',
      },
      file,
    );
    expect(sent.at(-1)![0]).to.equal('set_seed_image');
    expect((sent.at(-1)![1].image as FileRef).uploadId).to.equal('u1');
    expect(status.textContent!.trim()).to.equal('Sent: Seed image.');
  });

  it('the snapshot without a frame says so; fullscreen fills the viewport where the page cannot go fullscreen, and Esc leaves', async () => {
    const el = await host();
    expect(await el.panel.snapshot()).to.equal(null);
    await el.updateComplete;
    expect($(el, '[part~="controls-status"]').textContent!.trim()).to.equal(
      'No video frame to save yet.',
    );
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, get: () => false });
    Object.defineProperty(document, 'webkitFullscreenEnabled', {
      configurable: true,
      get: () => false,
    });
    try {
      // The runner's WebKit driver runs each test page inside a frame of its own.
      if (window.top !== window) {
        expect(fullscreenWay()).to.equal(null);
        el.requestUpdate();
        await el.updateComplete;
        expect($(el, '[part~="fullscreen-button"]')).to.equal(null);
        return;
      }
      expect(fullscreenWay()).to.equal('viewport');
      $<HTMLButtonElement>(el, '[part~="fullscreen-button"]').click();
      await el.updateComplete;
      const base = $(el, '.base').getBoundingClientRect();
      expect([base.width, base.height]).to.deep.equal([innerWidth, innerHeight]);
      expect($(el, '[part~="fullscreen-button"]').getAttribute('aria-pressed')).to.equal('true');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      await el.updateComplete;
      expect(el.panel.filled).to.equal(false);
    } finally {
      delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
      delete (document as { webkitFullscreenEnabled?: boolean }).webkitFullscreenEnabled;
    }
  });

  it('in a frame that does not allow fullscreen (allow="fullscreen \'none\'") there is no way, so no button', async () => {
    const frame = document.createElement('iframe');
    const answer = new Promise<string>((resolve) =>
      addEventListener('message', (e) => resolve(String(e.data)), { once: true }),
    );
    frame.allow = "fullscreen 'none'";
    frame.srcdoc = `<script type="module">
      import { fullscreenWay } from '${new URL('/src/controls/fullscreen.ts', location.href).href}';
      parent.postMessage(String(fullscreenWay()), '*');
    </script>`;
    document.body.append(frame);
    try {
      expect(await answer).to.equal('null');
    } finally {
      frame.remove();
    }
  });

  it('a snapshot in a frame (a builder forbids downloads there) opens in a tab; on the page it downloads', async () => {
    const frame = document.createElement('iframe');
    // Wix's sandbox: no allow-downloads, a download would be dropped without a word.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups');
    const answer = new Promise<string>((resolve) =>
      addEventListener('message', (e) => resolve(String(e.data)), { once: true }),
    );
    frame.srcdoc = `<script type="module">
      import { deliverFile } from '${new URL('/src/controls/frame-capture.ts', location.href).href}';
      const opened = [];
      window.open = (url) => (opened.push(url), null); // Chromium's answer from a sandboxed frame
      HTMLAnchorElement.prototype.click = () => opened.push('download');
      const how = await deliverFile(new File(['png'], 'a.png', { type: 'image/png' }));
      parent.postMessage(how + ' ' + opened.map((u) => u.split(':')[0]).join(), '*');
    </script>`;
    document.body.append(frame);
    try {
      expect(await answer).to.equal('opened blob');
    } finally {
      frame.remove();
    }
    // The runner's own page: a download (WebKit's runner page is itself in a frame: a tab).
    const { click } = HTMLAnchorElement.prototype;
    const { open } = window;
    const done: string[] = [];
    HTMLAnchorElement.prototype.click = function () {
      done.push(`download ${(this as HTMLAnchorElement).download}`);
    };
    window.open = () => (done.push('tab'), {} as Window);
    const canShare = navigator.canShare;
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: undefined });
    try {
      const how = await deliverFile(new File(['png'], 'b.png', { type: 'image/png' }));
      expect([how, done]).to.deep.equal(
        window.top === window ? ['downloaded', ['download b.png']] : ['opened', ['tab']],
      );
    } finally {
      HTMLAnchorElement.prototype.click = click;
      window.open = open;
      Object.defineProperty(navigator, 'canShare', { configurable: true, value: canShare });
    }
  });
});
