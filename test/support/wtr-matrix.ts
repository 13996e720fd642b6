/**
 * A @web/test-runner plugin that collects the money-never-lost matrix: each end-to-end row
 * (test/helpers/matrix.ts) reports how the ledger shows its session ended, and the run prints
 * one table per engine at the end (and writes it to `test-results/matrix.md`), so the figures
 * in a closing note come from the run that made them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface MatrixRowReport {
  group: string;
  scenario: string;
  endedBy: string;
  billedAfterGone: number;
  open: number;
}

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { browser: { name?: string } };
}

const GROUP_ORDER = ['exit', 'token', 'platform', 'time', 'tabs'];

function table(rows: MatrixRowReport[]): string {
  const sorted = [...rows].sort(
    (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group),
  );
  const lines = [
    '| group | scenario | ended_by | billed s after gone | left open |',
    '| --- | --- | --- | --- | --- |',
    ...sorted.map(
      (r) =>
        `| ${r.group} | ${r.scenario} | ${r.endedBy} | ${r.billedAfterGone.toFixed(2)} | ${r.open} |`,
    ),
  ];
  return lines.join('\n');
}

export function matrixPlugin() {
  const rows = new Map<string, MatrixRowReport[]>();
  return {
    name: 'reactor-matrix',
    executeCommand({ command, payload, session }: CommandArgs) {
      if (command !== 'reactor-matrix-row') return undefined;
      const engine = session.browser.name ?? 'browser';
      const list = rows.get(engine) ?? [];
      list.push(payload as MatrixRowReport);
      rows.set(engine, list);
      return true;
    },
    serverStop() {
      if (!rows.size) return;
      const text = [...rows]
        .map(([engine, list]) => `## The money-never-lost matrix: ${engine}\n\n${table(list)}\n`)
        .join('\n');
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/matrix.md', text);
      console.log(`\n${text}`);
    },
  };
}
