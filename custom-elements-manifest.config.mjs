/** Configuration of `cem analyze`: the manifest is generated from the JSDoc of the elements (src/elements/<tag>/<tag>.ts). */
export default {
  globs: ['src/elements/reactor-*/reactor-*.ts', 'src/elements/reactor-session/attributes.ts'],
  exclude: ['**/*.test.ts'],
  litelement: true,
  outdir: '.',
  packagejson: false,
  plugins: [
    {
      // The manifest is the public API: private members are not part of it, and listing them
      // would make every internal refactor look like an API change.
      name: 'reactor-remove-private-members',
      packageLinkPhase({ customElementsManifest }) {
        // In path order: the analyzer lists the files of two globs in the order it reads them,
        // which changes from run to run.
        customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
        for (const module of customElementsManifest.modules ?? [])
          for (const declaration of module.declarations ?? [])
            if (declaration.members) {
              // Reactive state (`{state: true}` in `static properties`) is private, never an attribute.
              const hidden = new Set(
                declaration.members.filter((m) => m.privacy === 'private').map((m) => m.name),
              );
              declaration.members = declaration.members.filter(
                (m) => !hidden.has(m.name) && !(m.static && m.name === 'properties'),
              );
              declaration.attributes = declaration.attributes?.filter(
                (a) => !hidden.has(a.fieldName),
              );
            }
      },
    },
  ],
};
