/**
 * The visitor controls as lit templates: one per kind of control (plan.ts decides which), the
 * snapshot and fullscreen buttons, and the live region that says what the last use did. Every
 * control is a native element (button, input, label) with a visible name, reachable with Tab
 * in the order it is seen.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { format } from '../controllers/localize.js';
import type { ModelControlsController } from './model-controls-controller.js';
import { PAD_CELLS, type Choice, type ControlPlan } from './plan.js';
import type { ControlText } from './messages.js';
import { fullscreenWay } from './fullscreen.js';

type Of<K extends ControlPlan['kind']> = ControlPlan & { kind: K };

const HOLD_KEYS = new Set([' ', 'Enter']);

function hold(c: ModelControlsController, control: Of<'hold'>, choice: Choice) {
  const { value } = choice;
  const cell = control.pad ? PAD_CELLS[String(value)] : undefined;
  const start = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection, no emulated mouse events
    const button = event.currentTarget as HTMLElement;
    // Captured, the release comes here wherever the finger goes (a synthetic event has no
    // pointer to capture).
    try {
      button.setPointerCapture(event.pointerId);
    } catch {
      /* the hold still ends on up, cancel, blur or hidden */
    }
    button.focus({ preventScroll: true });
    c.press(control, value);
  };
  const end = () => c.release(control, value);
  return html`<button
    type="button"
    part="control hold-button"
    class="hold"
    style=${ifDefined(cell ? `grid-area:${cell[0]}/${cell[1]}` : undefined)}
    aria-pressed=${c.isHeld(control, value) ? 'true' : 'false'}
    aria-label=${cell ? choice.label : nothing}
    @pointerdown=${start}
    @pointerup=${end}
    @pointercancel=${end}
    @lostpointercapture=${end}
    @blur=${end}
    @contextmenu=${(e: Event) => e.preventDefault()}
    @keydown=${(e: KeyboardEvent) => {
      if (!HOLD_KEYS.has(e.key)) return;
      e.preventDefault(); // no click, no scroll
      if (!e.repeat) c.press(control, value);
    }}
    @keyup=${(e: KeyboardEvent) => {
      if (!HOLD_KEYS.has(e.key)) return;
      e.preventDefault();
      end();
    }}
  >
    ${cell ? cell[2] : choice.label}
  </button>`;
}

function prompt(c: ModelControlsController, control: Of<'prompt'>, t: ControlText) {
  const id = `prompt-${control.command}`;
  const length = c.lengths.get(control.command) ?? 0;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem(
      'text',
    ) as HTMLInputElement;
    void c.sendPrompt(control, input.value);
  };
  return html`<form part="control prompt" class="prompt" @submit=${submit}>
    <label for=${id}>${control.label}</label>
    <span class="row">
      <input
        id=${id}
        name="text"
        type="text"
        autocomplete="off"
        .enterKeyHint=${'send'}
        maxlength=${ifDefined(control.maxLength ?? undefined)}
        @input=${(e: Event) => c.typed(control, (e.target as HTMLInputElement).value.length)}
      />
      <button type="submit" ?disabled=${c.busy.has(control.command)}>${t.send}</button>
    </span>
    ${
      control.maxLength
        ? html`<span class="count" part="prompt-count"
            >${format(t.characters, { count: length, max: control.maxLength })}</span
          >`
        : nothing
    }
  </form>`;
}

function upload(c: ModelControlsController, control: Of<'upload'>) {
  const busy = c.upload?.command === control.command;
  return html`<label part="control upload" class="upload button">
    <input
      type="file"
      class="sr-only"
      accept=${control.accept}
      ?disabled=${busy}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) void c.sendFile(control, file);
      }}
    />${control.label}${
      busy ? html` <progress max="100" .value=${c.upload!.percent}></progress>` : nothing
    }
  </label>`;
}

function slider(c: ModelControlsController, control: Of<'slider'>) {
  const value = Number(c.values.get(control.command) ?? control.initial);
  const id = `range-${control.command}`;
  return html`<span part="control slider" class="slider">
    <label for=${id}>${control.label}</label>
    <input
      id=${id}
      type="range"
      min=${control.min}
      max=${control.max}
      step=${control.step}
      .value=${String(value)}
      @change=${(e: Event) => c.choose(control, Number((e.target as HTMLInputElement).value))}
    />
    <output for=${id}>${value}</output>
  </span>`;
}

function control(c: ModelControlsController, plan: ControlPlan, t: ControlText) {
  switch (plan.kind) {
    case 'button':
      return html`<button type="button" part="control" @click=${() => void c.send(plan, {})}>
        ${plan.label}
      </button>`;
    case 'toggle': {
      const on = Boolean(c.values.get(plan.command) ?? plan.initial);
      return html`<button
        type="button"
        part="control toggle"
        aria-pressed=${on ? 'true' : 'false'}
        @click=${() => c.choose(plan, !on)}
      >
        ${plan.label}
      </button>`;
    }
    case 'choice':
      return html`<div part="control choice" class="group" role="group" aria-label=${plan.label}>
        ${plan.values.map(
          (choice) =>
            html`<button
              type="button"
              aria-pressed=${c.values.get(plan.command) === choice.value ? 'true' : 'false'}
              @click=${() => c.choose(plan, choice.value)}
            >
              ${choice.label}
            </button>`,
        )}
      </div>`;
    case 'hold': {
      // A pad's buttons in reading order (forward, left, right, back): Tab follows the eye.
      const cells = (v: Choice) => PAD_CELLS[String(v.value)] ?? [0, 0];
      const values = plan.pad
        ? [...plan.values].sort((a, b) => cells(a)[0] - cells(b)[0] || cells(a)[1] - cells(b)[1])
        : plan.values;
      return html`<div
        part=${plan.pad ? 'control hold-pad' : 'control hold-group'}
        class=${plan.pad ? 'pad' : 'group'}
        role="group"
        aria-label=${plan.label}
      >
        ${values.map((choice) => hold(c, plan, choice))}
      </div>`;
    }
    case 'prompt':
      return prompt(c, plan, t);
    case 'slider':
      return slider(c, plan);
    case 'upload':
      return upload(c, plan);
  }
}

/** The controls, the snapshot and fullscreen buttons, and their live region. */
export function controlsPanel(c: ModelControlsController, plan: ControlPlan[], t: ControlText) {
  return html`<div part="controls" class="controls" role="group" aria-label=${t.controlsLabel}>
    ${plan.map((p) => control(c, p, t))}
    <span class="tools">
      <button type="button" part="snapshot-button" @click=${() => void c.snapshot()}>
        ${t.snapshot}
      </button>
      ${
        fullscreenWay()
          ? html`<button
              type="button"
              part="fullscreen-button"
              aria-pressed=${c.isFullscreen ? 'true' : 'false'}
              @click=${() => void c.toggleFullscreen()}
            >
              ${t.fullscreen}
            </button>`
          : nothing
      }
    </span>
    <p part="controls-status" class="controls-status" role="status">${c.note}</p>
  </div>`;
}
