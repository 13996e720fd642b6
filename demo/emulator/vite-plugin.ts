/**
 * `npm start`: runs the emulator beside Vite's dev server, with no configuration and no network.
 * - The Reactor API runs on its own origin (127.0.0.1:8787, or a free port when that is taken),
 *   as the real API does; the page's `api-url="http://127.0.0.1:8787"` is rewritten to match.
 * - The site owner's backend routes (`/api/reactor-token`, `/api/reactor-balance`) are served
 *   on the page's own origin, as a real site would serve them.
 */
import type { Plugin } from 'vite';
import { createEmulator, type Emulator } from './server.js';

export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:8787';

export function reactorEmulator(options: { port?: number } = {}): Plugin {
  let emulator: Emulator | null = null;
  let url = DEFAULT_EMULATOR_URL;
  return {
    name: 'reactor-emulator',
    apply: 'serve',
    async configureServer(server) {
      emulator = createEmulator();
      try {
        url = await emulator.listen(options.port ?? 8787);
      } catch {
        url = await emulator.listen(0);
      }
      server.config.logger.info(`  Reactor emulator: ${url}  (ledger: ${url}/_emulator/sessions)`);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/reactor-')) emulator!.handler(req, res, next);
        else next();
      });
      server.httpServer?.once('close', () => void emulator?.close());
    },
    transformIndexHtml(html) {
      return html.replaceAll(DEFAULT_EMULATOR_URL, url);
    },
  };
}
