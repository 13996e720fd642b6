/** Configuration of `cem analyze`: the manifest is generated from the JSDoc of src/elements. */
export default {
  globs: ['src/elements/reactor-*.ts'],
  exclude: ['**/*.test.ts'],
  litelement: true,
  outdir: '.',
  packagejson: false,
};
