/** Driving an embed frame of the builder fixtures (see test/support/builder-pages.ts). */
import { expect } from '@open-wc/testing';
import { closedEntry, waitFor } from './emulator.js';
import { matrixRow } from './matrix.js';
import { requireWebRTC } from './capabilities.js';

export interface Report {
  status: string;
  sessionId: string | null;
  price: string;
  videoWidth: number;
  muted: boolean | null;
  paused: boolean | null;
  /** The middle of the Sound button in the frame's viewport, when there is one. */
  sound: { x: number; y: number } | null;
  /** The checklist's lines (`debug`): each its level, a space, its text. */
  checks: string[];
  error: string;
}

/** The other loopback origin of the test server (`localhost` ⇄ `127.0.0.1`). */
export function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

/** An embed frame and the reports of its driver (the latest one, and a wait for one). */
export async function embed(attributes: Record<string, string>) {
  const frame = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
  let last: Report | null = null;
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source === frame.contentWindow && (e.data as { builder?: boolean })?.builder)
      last = e.data as Report;
  });
  document.body.append(frame);
  const until = (ok: (r: Report) => boolean, label: string, ms = 15_000) =>
    waitFor(() => last !== null && ok(last) && last, label, ms);
  const send = (command: string) => frame.contentWindow!.postMessage(command, '*');
  return { frame, until, send };
}

/** Start, live with video, End: the ledger says the client ended it. */
export async function aWholeSession(
  e: Awaited<ReturnType<typeof embed>>,
  scenario: string,
): Promise<Report> {
  await e.until((r) => r.price.startsWith('helios'), 'the price line');
  requireWebRTC(); // the price line above was checked
  e.send('start');
  const live = await e.until((r) => r.status === 'ready' && r.videoWidth > 0, 'a live video');
  const id = live.sessionId!;
  e.send('end');
  const goneAt = Date.now();
  await e.until((r) => r.status === 'ended', 'the end');
  expect((await closedEntry(id)).ended_by).to.equal('client');
  await matrixRow({ group: 'builder', scenario, ids: [id], goneAt });
  return live;
}

/**
 * The built classic script, as the embeds load it: the test server builds it on first request
 * (a full `vite build`, seconds on a busy machine), so a suite warms it before it times a frame.
 */
export async function bundleBuilt(): Promise<void> {
  const response = await fetch('/__dist/reactor-elements.iife.js');
  if (!response.ok) throw new Error(`the bundle: ${response.status}`);
}
