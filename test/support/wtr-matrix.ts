/**
 * A @web/test-runner plugin that collects the money-never-lost matrix: each end-to-end row
 * (test/helpers/matrix.ts) reports how the ledger shows its session ended, and each bad-input
 * case (test/elements/bad-input.test.ts) what the visitor saw and what the console said. The
 * run prints the tables per engine at the end (and writes them to `test-results/matrix.md`),
 * so the figures in a closing note come from the run that made them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface MatrixRowReport {
  group: string;
  scenario: string;
  endedBy: string;
  billedAfterGone: number;
  open: number;
}

export interface BadInputReport {
  input: string;
  visitor: string;
  console: string;
}

interface CommandArgs {
  command: string;
  payload?: unknown;
  session: { browser: { name?: string } };
}

const GROUP_ORDER = ['exit', 'hidden', 'token', 'platform', 'time', 'tabs', 'phone', 'builder'];

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

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function badInputTable(rows: BadInputReport[]): string {
  return [
    '| input | the visitor sees | the console says |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.input)} | ${cell(r.visitor)} | ${cell(r.console)} |`),
  ].join('\n');
}

export function matrixPlugin() {
  const rows = new Map<string, MatrixRowReport[]>();
  const badInput = new Map<string, BadInputReport[]>();
  const add = <T>(map: Map<string, T[]>, engine: string, row: T) =>
    map.set(engine, [...(map.get(engine) ?? []), row]);
  return {
    name: 'reactor-matrix',
    executeCommand({ command, payload, session }: CommandArgs) {
      const engine = session.browser.name ?? 'browser';
      if (command === 'reactor-matrix-row') add(rows, engine, payload as MatrixRowReport);
      else if (command === 'reactor-bad-input-row')
        add(badInput, engine, payload as BadInputReport);
      else return undefined;
      return true;
    },
    serverStop() {
      if (!rows.size && !badInput.size) return;
      const text = [
        ...[...rows].map(
          ([engine, list]) => `## The money-never-lost matrix: ${engine}\n\n${table(list)}\n`,
        ),
        ...[...badInput].map(
          ([engine, list]) => `## Bad input: ${engine}\n\n${badInputTable(list)}\n`,
        ),
      ].join('\n');
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/matrix.md', text);
      console.log(`\n${text}`);
    },
  };
}
