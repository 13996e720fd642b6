import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
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

test('the manifest lists the three tags', () => {
  assert.deepEqual([...elements.keys()].sort(), [
    'reactor-balance',
    'reactor-pricing',
    'reactor-session',
  ]);
});

test('the manifest lists kebab-case attributes', () => {
  assert.ok(elements.get('reactor-session')!.includes('token-url'));
  assert.ok(elements.get('reactor-session')!.includes('max-duration'));
  assert.ok(elements.get('reactor-pricing')!.includes('api-url'));
  assert.ok(elements.get('reactor-balance')!.includes('low-threshold'));
});

test('package.json points at the manifest', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    customElements?: string;
  };
  assert.equal(pkg.customElements, 'custom-elements.json');
});
