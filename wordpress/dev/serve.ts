/**
 * `npm run wordpress`: a local WordPress with the plugin active and its token route pointed at a
 * local Reactor emulator, offline. Prints the addresses and two logins (an Administrator's and
 * an Author's); Ctrl+C stops it and removes the site.
 */
import { createEmulator } from '../../demo/emulator/server.js';
import { DEFAULT_CONFIG } from '../../demo/emulator/config.js';
import { startSite } from './site.js';

const started = performance.now();
const emulator = createEmulator();
const apiUrl = await emulator.listen(0, '127.0.0.1');
const site = await startSite({
  apiUrl,
  apiKey: DEFAULT_CONFIG.apiKey,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  log: (line) => console.log(line),
});
console.log(`
WordPress:   ${site.url}   (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)
Sample page: ${site.samplePage}   (an Author's page with the prices and player blocks)
Emulator:    ${apiUrl}   (ledger: ${apiUrl}/_emulator/sessions)
Settings:    ${site.url}/wp-admin/options-general.php?page=reactor-elements
Logins:      Administrator ${site.admin.user} / ${site.admin.password}
             Author        ${site.author.user} / ${site.author.password}
Ctrl+C stops it.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await site.stop();
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
