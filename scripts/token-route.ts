/**
 * `npm run token-route -- <template> [--port 8788]`: one of the token-route templates
 * (`templates/`) in its platform's own runtime on this machine, with the REACTOR_* variables of
 * this shell (see the README's "Your token route in five minutes"), until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { RUNTIMES, startTemplate, type Template } from './template-runtimes.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '8788' } },
});
const template = positionals[0] as Template | undefined;
if (!template || !(template in RUNTIMES)) {
  console.error(`Name a template: ${Object.keys(RUNTIMES).join(', ')}.`);
  process.exit(2);
}
const vars = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('REACTOR_') && entry[1] !== undefined,
  ),
);
const route = await startTemplate(template, vars, Number(values.port));
console.log(`The ${template} token route (${RUNTIMES[template]}) on ${route.urls[0]}`);
console.log(`  token-url="${route.urls[0]}/api/reactor-token"`);
const stop = () => void route.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
