/**
 * One row of the money-never-lost matrix (#13): after a scenario, the emulator's ledger is the
 * judge. Every row asserts the same three rules and reports its figures to the run's table
 * (test/support/wtr-matrix.ts): nothing is left open, no session ends `abandoned` (the platform
 * giving up on a client that never said goodbye), and almost nothing is billed after the moment
 * the visitor was gone (a DELETE's round trip).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closedEntry, ledger, type LedgerEntry } from './emulator.js';

export type MatrixGroup =
  'exit' | 'hidden' | 'token' | 'platform' | 'time' | 'tabs' | 'phone' | 'builder';

export interface MatrixRow {
  group: MatrixGroup;
  scenario: string;
  /** The sessions the scenario started (empty when nothing should have been created). */
  ids: string[];
  /** `Date.now()` when the visitor was gone (or the session was due to end); null: not applicable. */
  goneAt: number | null;
  /** Per session instead of `goneAt` (several tabs, each closed at its own moment). */
  goneAtById?: Record<string, number>;
  /** Most seconds billed after `goneAt` that still count as "ended at once" (default 1.5). */
  allowedSeconds?: number;
  /** The one row where `abandoned` is the expected end: no request can reach the platform. */
  allowAbandoned?: boolean;
}

export interface MatrixResult {
  entries: LedgerEntry[];
  endedBy: string;
  billedAfterGone: number;
  open: number;
}

/** Seconds of `entry` billed after `goneAt` (billing runs from ready to termination). */
function billedAfter(entry: LedgerEntry, goneAt: number): number {
  if (entry.ready_at === null) return 0;
  const end = entry.terminated_at ?? Date.now();
  return Math.max(0, end - Math.max(goneAt, entry.ready_at)) / 1000;
}

export async function matrixRow(row: MatrixRow): Promise<MatrixResult> {
  const entries: LedgerEntry[] = [];
  for (const id of row.ids) entries.push(await closedEntry(id, 5000));
  const all = await ledger();
  const open = all.filter((e) => e.state !== 'CLOSED').length;
  const endedBy = row.ids.length
    ? [...new Set(entries.map((e) => e.ended_by ?? e.state))].join(', ')
    : all.length
      ? `${all.length} created`
      : 'none created';
  const goneAt = (e: LedgerEntry) => row.goneAtById?.[e.session_id] ?? row.goneAt;
  const billedAfterGone = entries.reduce((sum, e) => {
    const at = goneAt(e);
    return at === null ? sum : sum + billedAfter(e, at);
  }, 0);
  await executeServerCommand('reactor-matrix-row', {
    group: row.group,
    scenario: row.scenario,
    endedBy,
    billedAfterGone,
    open,
  });
  expect(open, `${row.scenario}: sessions left open`).to.equal(0);
  if (!row.allowAbandoned) expect(endedBy, `${row.scenario}: ended_by`).not.to.contain('abandoned');
  expect(billedAfterGone, `${row.scenario}: billed after gone`).to.be.at.most(
    row.allowedSeconds ?? 1.5,
  );
  return { entries, endedBy, billedAfterGone, open };
}
