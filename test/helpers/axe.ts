/**
 * axe-core with every WCAG rule up to 2.2 AA switched on (its defaults leave some of 2.2's off,
 * such as target size): the violations under `el`, as `rule: target` lines ([] when none).
 */
interface AxeResult {
  violations: { id: string; nodes: { target: unknown[] }[] }[];
}
type Axe = { run(el: Element, options: object): Promise<AxeResult> };

export async function axeViolations(el: Element): Promise<string[]> {
  const w = window as unknown as { axe?: Axe };
  // @ts-expect-error: axe-core's browser build registers itself on window; it has no module types.
  if (!w.axe) await import('axe-core/axe.min.js');
  const result = await w.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
  );
}
