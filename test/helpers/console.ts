/** Records console errors and warnings instead of printing them, until `restore()`. */
export function captureConsole() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const said: string[] = [];
  const { error, warn } = console;
  const into =
    (list: string[]) =>
    (...args: unknown[]) => {
      const line = args.map(String).join(' ');
      list.push(line);
      said.push(line);
    };
  console.error = into(errors);
  console.warn = into(warnings);
  return {
    errors,
    warnings,
    /** Both, in order. */
    said,
    restore() {
      console.error = error;
      console.warn = warn;
    },
  };
}
