/**
 * The README's deploy buttons: each points at a template folder of this repository (the
 * package's `repository`), and asks the owner for exactly the variables that template needs:
 * Cloudflare from the folder's `.dev.vars.example`, Vercel from the button's `env`, Netlify from
 * `[template.environment]` in its `netlify.toml`, Deno (whose button asks for none) from the
 * README's step after its button. Each template reads them through `tokenHandlerFromEnv`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../src/server/env.js';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const repository = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } }
).repository.url
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** What every template needs (the rest are optional). */
const REQUIRED = ['REACTOR_API_KEY', 'REACTOR_MODELS', 'REACTOR_ALLOWED_ORIGINS'];

const links = [...readme.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => new URL(m[1]!));
const button = (host: string) => {
  // The button's link, not its picture.
  const found = links.filter((url) => url.host === host && url.search);
  assert.equal(found.length, 1, `one ${host} button in the README`);
  return found[0]!;
};

/** The folder a `…/tree/main/<folder>` URL of the repository names. */
const folderOf = (url: string) => {
  assert.ok(url.startsWith(`${repository}/tree/main/`), `${url} is in ${repository}`);
  return url.slice(`${repository}/tree/main/`.length);
};

const readsItsVariables = (folder: string, asked: string[]) => {
  assert.ok(existsSync(join(root, folder)), `${folder} exists`);
  assert.deepEqual([...asked].sort(), [...REQUIRED].sort(), `${folder} asks for its variables`);
  for (const name of asked) assert.ok(name in ENV_VARIABLES, `${name} is a variable it reads`);
};

test('Cloudflare: the button clones templates/cloudflare-worker and asks .dev.vars.example', () => {
  const url = button('deploy.workers.cloudflare.com');
  const folder = folderOf(url.searchParams.get('url')!);
  assert.equal(folder, 'templates/cloudflare-worker');
  const example = readFileSync(join(root, folder, '.dev.vars.example'), 'utf8');
  const asked = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
  readsItsVariables(folder, asked);
  const source = readFileSync(join(root, folder, 'src/index.js'), 'utf8');
  assert.match(source, /tokenHandlerFromEnv\(env/);
  // A variable both in wrangler.toml and asked as a secret would fail the deploy.
  assert.doesNotMatch(readFileSync(join(root, folder, 'wrangler.toml'), 'utf8'), /^\[vars\]/m);
});

test('Vercel: the button clones templates/vercel and its env is the variables', () => {
  const url = button('vercel.com');
  assert.equal(url.pathname, '/new/clone');
  const folder = folderOf(url.searchParams.get('repository-url')!);
  assert.equal(folder, 'templates/vercel');
  readsItsVariables(folder, url.searchParams.get('env')!.split(','));
  assert.match(
    readFileSync(join(root, folder, 'api/reactor-token.js'), 'utf8'),
    /tokenHandlerFromEnv\(process\.env/,
  );
});

test('Netlify: the button clones templates/netlify and [template.environment] is the variables', () => {
  const url = button('app.netlify.com');
  assert.equal(url.searchParams.get('repository'), repository);
  const folder = url.searchParams.get('create_from_path')!;
  assert.equal(folder, 'templates/netlify');
  const toml = readFileSync(join(root, folder, 'netlify.toml'), 'utf8');
  const section = toml.slice(toml.indexOf('[template.environment]'));
  const asked = [...section.matchAll(/^\s*([A-Z_]+)\s*=/gm)].map((m) => m[1]!);
  readsItsVariables(folder, asked);
  assert.match(
    readFileSync(join(root, folder, 'netlify/edge-functions/reactor-token.js'), 'utf8'),
    /tokenHandlerFromEnv\(Netlify\.env/,
  );
});

test('Deno: the button clones templates/deno and the README names the variables to add after it', () => {
  const url = button('console.deno.com');
  assert.equal(url.searchParams.get('clone'), repository);
  const folder = url.searchParams.get('path')!;
  assert.equal(folder, 'templates/deno');
  // The step is the paragraph that holds the button's link.
  const at = readme.indexOf('](https://console.deno.com/');
  assert.ok(at >= 0, 'the Deno button in the README');
  const step = readme.slice(at, readme.indexOf('\n\n', at));
  const asked = [...step.matchAll(/`(REACTOR_[A-Z_]+)`/g)].map((m) => m[1]!);
  readsItsVariables(folder, asked);
  assert.match(
    readFileSync(join(root, folder, 'main.ts'), 'utf8'),
    /tokenHandlerFromEnv\(Deno\.env/,
  );
});
