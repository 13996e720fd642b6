import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
}
const manifest = JSON.parse(
  readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => [d.tagName!, (d.attributes ?? []).map((a) => a.name)]),
);

test('the manifest lists the five tags', () => {
  assert.deepEqual([...elements.keys()].sort(), [
    'reactor-account',
    'reactor-balance',
    'reactor-debug',
    'reactor-pricing',
    'reactor-session',
  ]);
});

test('the manifest lists kebab-case attributes', () => {
  assert.ok(elements.get('reactor-session')!.includes('token-url'));
  assert.ok(elements.get('reactor-session')!.includes('max-duration'));
  assert.ok(elements.get('reactor-pricing')!.includes('api-url'));
  assert.ok(elements.get('reactor-balance')!.includes('low-threshold'));
  for (const name of ['idle-timeout', 'idle-warning', 'max-cost', 'video-track', 'topup-url'])
    assert.ok(elements.get('reactor-session')!.includes(name), name);
  for (const name of ['refresh', 'currency', 'model'])
    assert.ok(elements.get('reactor-pricing')!.includes(name), name);
  for (const name of ['src', 'refresh', 'topup-url', 'session'])
    assert.ok(elements.get('reactor-balance')!.includes(name), name);
});

test('the manifest documents the events and parts of the contract', () => {
  const declaration = (tag: string) =>
    manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!;
  const names = (list: { name: string }[] | undefined) => (list ?? []).map((x) => x.name).sort();
  const session = declaration('reactor-session');
  assert.deepEqual(names(session.events), [
    'reactor-capabilities',
    'reactor-end',
    'reactor-error',
    'reactor-idle-warning',
    'reactor-message',
    'reactor-moderation',
    'reactor-ready',
    'reactor-receipt',
    'reactor-snapshot',
    'reactor-stats',
    'reactor-status-change',
    'reactor-upload-progress',
  ]);
  for (const p of ['keys-hint', 'mute-button', 'quality'])
    assert.ok(names(session.cssParts).includes(p), p);
  for (const p of ['video', 'connect-button', 'disconnect-button', 'status', 'cost', 'countdown'])
    assert.ok(names(session.cssParts).includes(p), p);
  for (const p of [
    'controls',
    'control',
    'prompt',
    'hold-pad',
    'snapshot-button',
    'fullscreen-button',
  ])
    assert.ok(names(session.cssParts).includes(p), p);
  for (const p of ['idle-dialog', 'keep-alive-button', 'error', 'moderation'])
    assert.ok(names(session.cssParts).includes(p), p);
  assert.deepEqual(names(declaration('reactor-pricing').events), ['reactor-pricing-load']);
  assert.deepEqual(names(declaration('reactor-balance').events), [
    'reactor-balance-change',
    'reactor-balance-low',
  ]);
});

test('package.json points at the manifest', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    customElements?: string;
  };
  assert.equal(pkg.customElements, 'custom-elements.json');
});

test('the manifest is the public API: no private members', () => {
  const members = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .flatMap((d) => (d as { members?: { name: string; privacy?: string }[] }).members ?? []);
  assert.ok(members.some((m) => m.name === 'connect'));
  assert.deepEqual(
    members.filter((m) => m.privacy === 'private').map((m) => m.name),
    [],
  );
});

/** The names the package's entries export (a type a member or an event names must be one). */
const exported = new Set(
  ['src/elements/index.ts', 'src/debug/index.ts', 'src/index.ts']
    .map((file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))
    .join('\n')
    .match(/\b[A-Z][A-Za-z]+\b/g),
);

test('every type a member, attribute or method names is exported', () => {
  const builtin = new Set([
    'Promise',
    'Blob',
    'File',
    'Pick',
    'Record',
    'HTMLElement',
    'AbortSignal',
  ]);
  type Typed = { type?: { text: string } };
  type Member = Typed & {
    name: string;
    parameters?: Typed[];
    return?: Typed;
  };
  const declarations = manifest.modules.flatMap(
    (m) => (m.declarations ?? []) as (Declaration & { members?: Member[] })[],
  );
  for (const d of declarations)
    for (const x of [...(d.members ?? []), ...((d.attributes ?? []) as Member[])]) {
      const texts = [x.type, x.return?.type, ...(x.parameters ?? []).map((p) => p.type)];
      for (const text of texts.map((t) => t?.text ?? ''))
        for (const name of text.match(/\b[A-Z][A-Za-z]+\b/g) ?? [])
          assert.ok(builtin.has(name) || exported.has(name), `${d.tagName} ${x.name}: ${name}`);
    }
});

test('every event names its detail type, and every type it names is exported', () => {
  const builtin = new Set(['CustomEvent', 'File']);
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? []))
    for (const event of d.events ?? []) {
      const text = event.type?.text ?? '';
      assert.match(text, /^CustomEvent<.+>$/, `${d.tagName} ${event.name}: a typed detail`);
      for (const name of text.match(/\b[A-Z][A-Za-z]+\b/g) ?? [])
        assert.ok(builtin.has(name) || exported.has(name), `${event.name}: ${name} is exported`);
    }
});
