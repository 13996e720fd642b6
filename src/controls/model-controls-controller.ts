/**
 * The visitor controls of a live session (`controls` on `<reactor-session>`): the state behind
 * them (a send in flight and its cooldown, the last value of each switch, choice and slider,
 * the prompt's length, an upload's progress, the holds, fullscreen) and what each use does: the
 * command sent, the idle detector told, the outcome read out in the controls' live region.
 * The templates are in templates.ts, the mapping from the contract in plan.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommandCapability, FileRef } from '../platform/commands.js';
import { say } from '../internal/console.js';
import { format } from '../controllers/localize.js';
import { planControls, pickedCommands, type ControlPlan } from './plan.js';
import { readLabels } from './labels.js';
import { Holds } from './holds.js';
import { captureFrame, deliverFile } from './frame-capture.js';
import { enterFullscreen, exitFullscreen, fullscreenElement, fullscreenWay } from './fullscreen.js';
import type { ControlText } from './messages.js';

/** After a prompt is sent, its send button waits this long (one in flight, then a breath). */
export const PROMPT_COOLDOWN_MS = 1000;

export interface ModelControlsHooks {
  send(command: string, data: Record<string, unknown>): Promise<void>;
  upload(file: File, accept: string): Promise<FileRef>;
  /** The visitor used a control: activity for the idle detector. */
  activity(): void;
  video(): HTMLVideoElement | null | undefined;
  model(): string;
  /** Offers a snapshot to the page; false when the page takes it itself. */
  snapped(file: File): boolean;
  texts(): ControlText;
}

type Host = ReactiveControllerHost & HTMLElement;

export class ModelControlsController implements ReactiveController {
  /** The text of the controls' live region: what the last use did. */
  note = '';
  /** Sends in flight or cooling down, by command. */
  readonly busy = new Set<string>();
  /** The last value sent by a switch, a choice or a slider, by command. */
  readonly values = new Map<string, unknown>();
  /** The prompt's length so far, by command. */
  readonly lengths = new Map<string, number>();
  /** The upload under way: its command, and how far it got. */
  upload: { command: string; percent: number } | null = null;
  /** The player fills the viewport (fullscreen where the page may not go fullscreen). */
  filled = false;
  readonly holds: Holds;
  private memo: { key: unknown[]; plan: ControlPlan[] } | null = null;

  constructor(
    private readonly host: Host,
    private readonly hooks: ModelControlsHooks,
  ) {
    host.addController(this);
    this.holds = new Holds((command, data) => void this.hooks.send(command, data).catch(() => {}));
  }

  hostConnected(): void {
    addEventListener('blur', this.releaseAll);
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    document.addEventListener('keydown', this.onEscape);
    this.host.addEventListener('reactor-upload-progress', this.onProgress);
  }

  hostDisconnected(): void {
    this.releaseAll();
    this.leaveFullscreen();
    removeEventListener('blur', this.releaseAll);
    document.removeEventListener('visibilitychange', this.onVisibility);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    document.removeEventListener('keydown', this.onEscape);
    this.host.removeEventListener('reactor-upload-progress', this.onProgress);
  }

  /**
   * The controls for a contract, `controls` and the labels; each command that gets none is
   * named once on the console (per contract and choice).
   */
  plan(commands: readonly CommandCapability[], controls: string | null, labels: unknown) {
    const picked = pickedCommands(controls);
    if (!picked) return [];
    const key = [commands, controls, labels];
    if (this.memo?.key.every((v, i) => v === key[i])) return this.memo.plan;
    const read = readLabels(labels);
    const { controls: plan, problems } = planControls(commands, picked, read.labels);
    for (const line of read.problem ? [read.problem, ...problems] : problems)
      say(`<reactor-session>: ${line}`);
    this.memo = { key, plan };
    return plan;
  }

  /** The session is no longer live: nothing stays held, pending or full screen. */
  stop(): void {
    this.releaseAll();
    this.leaveFullscreen();
    this.busy.clear();
    this.values.clear();
    this.lengths.clear();
    this.upload = null;
    this.note = '';
  }

  /** The visitor is typing: the count follows, and it is activity for the idle detector. */
  typed(control: ControlPlan, length: number): void {
    this.lengths.set(control.command, length);
    this.hooks.activity();
    this.host.requestUpdate();
  }

  /** Sends one command for the visitor; the outcome goes to the live region. */
  async send(control: ControlPlan, data: Record<string, unknown>, done?: string): Promise<void> {
    this.hooks.activity();
    try {
      await this.hooks.send(control.command, data);
      this.tell(done ?? format(this.hooks.texts().sent, { label: control.label }));
    } catch (error) {
      this.tell(format(this.hooks.texts().notSent, { message: (error as Error).message }));
    }
  }

  /** A prompt: one send in flight, then a short cooldown before the next. */
  async sendPrompt(control: ControlPlan & { field: string }, text: string): Promise<void> {
    if (!text.trim() || this.busy.has(control.command)) return;
    this.busy.add(control.command);
    this.host.requestUpdate();
    await this.send(control, { [control.field]: text });
    setTimeout(() => {
      this.busy.delete(control.command);
      this.host.requestUpdate();
    }, PROMPT_COOLDOWN_MS);
  }

  /** A value control (switch, choice, slider): sends the value and remembers it. */
  choose(control: ControlPlan & { field: string }, value: unknown): void {
    this.values.set(control.command, value);
    this.host.requestUpdate();
    void this.send(control, { [control.field]: value });
  }

  /** An upload control: the file uploaded (with its progress), then the command with it. */
  async sendFile(control: ControlPlan & { kind: 'upload' }, file: File): Promise<void> {
    if (this.busy.has(control.command)) return;
    this.hooks.activity();
    this.busy.add(control.command);
    this.upload = { command: control.command, percent: 0 };
    this.tell(format(this.hooks.texts().uploading, { name: file.name, percent: 0 }));
    try {
      const ref = await this.hooks.upload(file, control.accept);
      await this.send(control, { [control.field]: ref });
    } catch (error) {
      this.tell(format(this.hooks.texts().notSent, { message: (error as Error).message }));
    } finally {
      this.upload = null;
      this.busy.delete(control.command);
      this.host.requestUpdate();
    }
  }

  /** Starts a hold (pointer down, Space or Enter down). */
  press(control: ControlPlan & { kind: 'hold' }, value: string | number): void {
    this.hooks.activity();
    if (
      this.holds.press(`${control.command}\u0000${value}`, {
        command: control.command,
        data: { [control.field]: value },
        pressed: control.pressed,
      })
    )
      this.host.requestUpdate();
  }

  release(control: ControlPlan, value: string | number): void {
    if (this.holds.release(`${control.command}\u0000${value}`)) this.host.requestUpdate();
  }

  isHeld(control: ControlPlan, value: string | number): boolean {
    return this.holds.isHeld(`${control.command}\u0000${value}`);
  }

  readonly releaseAll = (): void => {
    if (this.holds.releaseAll()) this.host.requestUpdate();
  };

  /** The current frame as a PNG: the page's to take (`reactor-snapshot`), else shared or saved. */
  async snapshot(): Promise<File | null> {
    this.hooks.activity();
    const t = this.hooks.texts();
    const video = this.hooks.video();
    const file = video ? await captureFrame(video, this.hooks.model()) : null;
    if (!file) {
      this.tell(t.noFrame);
      return null;
    }
    if (this.hooks.snapped(file)) {
      const said = {
        shared: t.snapshotShared,
        opened: t.snapshotOpened,
        downloaded: format(t.snapshotSaved, { name: file.name }),
        cancelled: '',
      }[await deliverFile(file)];
      if (said) this.tell(said);
    }
    return file;
  }

  get isFullscreen(): boolean {
    return this.filled || fullscreenElement() === this.host;
  }

  async toggleFullscreen(): Promise<void> {
    this.hooks.activity();
    if (this.isFullscreen) return this.leaveFullscreen();
    if (fullscreenWay() === 'element' && (await enterFullscreen(this.host))) return;
    this.filled = fullscreenWay() !== null;
    this.host.requestUpdate();
  }

  private leaveFullscreen(): void {
    if (fullscreenElement() === this.host) exitFullscreen();
    if (this.filled) {
      this.filled = false;
      this.host.requestUpdate();
    }
  }

  private tell(note: string): void {
    this.note = note;
    this.host.requestUpdate();
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.releaseAll();
  };

  private readonly onFullscreen = () => this.host.requestUpdate();

  /** Esc leaves the filled viewport, as it leaves the browser's own fullscreen. */
  private readonly onEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.filled) this.leaveFullscreen();
  };

  private readonly onProgress = (event: Event) => {
    const { loaded, total } = (event as CustomEvent<{ loaded: number; total: number }>).detail;
    if (!this.upload) return;
    this.upload = { ...this.upload, percent: total ? Math.round((100 * loaded) / total) : 0 };
    this.host.requestUpdate();
  };
}
