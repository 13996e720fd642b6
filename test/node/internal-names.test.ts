import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { internalNames } from '../../scripts/internal-names.js';

/**
 * The names the bundles' minifier shortens (scripts/internal-names.ts): the library's internal
 * members only. A public name shortened would break every page that uses it, and a platform or
 * lit name would break the reads of it.
 */
const names = new Set(internalNames('src/'));

test('internal members are shortened: private ones, and the public members of internal classes', () => {
  // private (the session unit's), public of an internal class (the client's, the safeguards')
  for (const name of ['finish', 'terminateOnUnload', 'armBudget', 'prefetchToken'])
    assert.ok(names.has(name), name);
});

test('the public API keeps its names: every member and attribute in custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { members?: { name: string }[]; events?: { name: string }[] }[] }[];
  };
  const members = manifest.modules.flatMap((m) =>
    (m.declarations ?? []).flatMap((d) => (d.members ?? []).map((x) => x.name)),
  );
  assert.ok(members.includes('disconnect'), 'the manifest lists members');
  assert.deepEqual(
    members.filter((name) => names.has(name)),
    [],
  );
  // the exported store's members, read by the checklist script and by other copies
  for (const name of ['track', 'paymentRequired', 'liveSessions'])
    assert.ok(!names.has(name), name);
});

test('names the platform or lit declare, read on their objects, are never shortened', () => {
  // `navigator.locks.request`, `response.status`, `document.hidden`; lit's controller hooks
  for (const name of [
    'request',
    'status',
    'hidden',
    'signal',
    'hostConnected',
    'hostUpdated',
    'callback',
    'then',
  ])
    assert.ok(!names.has(name), name);
});
