/**
 * `npm run emulator [-- --port 8787] [--strict]`: the emulator on its own, on 127.0.0.1.
 * `--strict`: today's runtime only (no legacy signalling paths, no `requestCapabilities`, no echo).
 */
import { parseArgs } from 'node:util';
import { createEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'gpu-delay-ms': { type: 'string' },
    'max-duration-s': { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
const emulator = createEmulator({
  strict: values.strict,
  ...(values['gpu-delay-ms'] ? { gpuDelayMs: Number(values['gpu-delay-ms']) } : {}),
  ...(values['max-duration-s'] ? { maxDurationMs: Number(values['max-duration-s']) * 1000 } : {}),
});
const url = await emulator.listen(port, values.host);
console.log(`Reactor emulator on ${url}${values.strict ? " (strict: today's runtime only)" : ''}`);
console.log(
  `  api-url="${url}"  token-url="${url}/api/reactor-token"  ledger: ${url}/_emulator/sessions`,
);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
