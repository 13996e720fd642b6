/**
 * The README's element reference against custom-elements.json (generated from the source), so
 * the two cannot drift: every attribute and event an element has is named in its
 * README section, and the session's attribute table lists exactly the manifest's attributes with
 * the manifest's numeric defaults.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { name: string; default?: string }[];
  events?: { name: string }[];
  slots?: { name: string }[];
}
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('custom-elements.json')) as {
  modules: { declarations?: Declaration[] }[];
};
const readme = read('README.md');
const element = (tag: string) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!;

/** The README text from `### \`<tag>\`` to the next `###` or `##` heading. */
function section(tag: string): string {
  const start = readme.indexOf(`### \`<${tag}>\``);
  assert.ok(start >= 0, `the README has a section for <${tag}>`);
  const rest = readme.slice(start + 4);
  const end = rest.search(/\n##/);
  return end < 0 ? rest : rest.slice(0, end);
}

for (const tag of ['reactor-session', 'reactor-pricing', 'reactor-balance']) {
  test(`the README names every attribute and event of <${tag}>`, () => {
    const text = section(tag);
    const d = element(tag);
    for (const { name } of [...(d.attributes ?? []), ...(d.events ?? [])])
      assert.ok(
        text.includes(`\`${name}\``),
        `<${tag}>: \`${name}\` is in the manifest but not the README`,
      );
  });
}

test("the README's <reactor-session> table is the manifest's attributes, with its numeric defaults", () => {
  const rows = section('reactor-session')
    .split('\n')
    .filter((line) => /^\| `[a-z-]+`/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const d = element('reactor-session');
  const attributes = (d.attributes ?? []).map((a) => a.name);
  assert.deepEqual(rows.map((r) => r[1]!.replaceAll('`', '')).sort(), [...attributes].sort());
  for (const row of rows) {
    const name = row[1]!.replaceAll('`', '');
    const field = d.attributes!.find((a) => a.name === name)!.fieldName;
    const fallback = d.members!.find((m) => m.name === field)?.default;
    if (fallback && /^\d+$/.test(fallback))
      assert.equal(
        row[2],
        `\`${fallback}\``,
        `${name}: the README says ${row[2]}, the source ${fallback}`,
      );
  }
});

test("the README's framework recipes are excerpts of the fixtures that the suite builds and runs", () => {
  const blocks = [
    ...readme.matchAll(
      /<!-- tested: (\S+) -->\s*(?:<!-- prettier-ignore -->\s*)?```\w*\n([\s\S]*?)```/g,
    ),
  ];
  assert.ok(blocks.length >= 8, `framework recipes found: ${blocks.length}`);
  for (const [, path, code] of blocks) {
    const source = new Set(
      read(path!)
        .split('\n')
        .map((line) => line.trim()),
    );
    for (const line of code!.split('\n').map((l) => l.trim())) {
      if (line) assert.ok(source.has(line), `${path}: the README's line \`${line}\` is not in it`);
    }
  }
});
