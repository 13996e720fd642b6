import { build } from 'vite';
import { SourceMapConsumer } from 'source-map';
import { gzipSync } from 'node:zlib';
const res = await build({ logLevel: 'silent', build: { write: false, sourcemap: true } });
const outs = (Array.isArray(res) ? res : [res]).flatMap((r) => r.output);
const chunk = outs.find((o) => o.fileName === 'reactor-elements.iife.js');
const map = outs.find((o) => o.fileName === 'reactor-elements.iife.js.map') ?? { source: JSON.stringify(chunk.map) };
const code = chunk.code;
const lines = code.split('\n');
const consumer = await new SourceMapConsumer(chunk.map);
const per = {};
const segs = [];
consumer.eachMapping((m) => segs.push(m));
segs.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
for (let i = 0; i < segs.length; i++) {
  const s = segs[i], n = segs[i + 1];
  const line = lines[s.generatedLine - 1];
  const end = n && n.generatedLine === s.generatedLine ? n.generatedColumn : line.length;
  const text = line.slice(s.generatedColumn, end);
  const src = (s.source || '?').replace(/.*\/(src|node_modules)\//, '$1/');
  (per[src] ??= []).push(text);
}
const rows = Object.entries(per).map(([k, v]) => [k, v.join('').length, gzipSync(v.join(''), { level: 9 }).length]);
rows.sort((a, b) => b[2] - a[2]);
let tot = 0; for (const r of rows) tot += r[2];
for (const r of rows.slice(0, 80)) console.log(String(r[2]).padStart(6), String(r[1]).padStart(7), r[0]);
console.log('sum of separate gzips', tot, 'whole', gzipSync(code, { level: 9 }).length);
