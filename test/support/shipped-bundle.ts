/** The script-tag bundle exactly as `npm run build` makes it (vite.config.ts), kept in memory. */
import { build, type Rollup } from 'vite';

export async function shippedBundle(fileName = 'reactor-elements.js'): Promise<string> {
  const result = await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs
    .flatMap((o) => o.output)
    .find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.fileName === fileName);
  if (!chunk) throw new Error(`vite build did not produce ${fileName}`);
  return chunk.code;
}
