/** Drives a real browser tab through the runner (test/support/wtr-tabs.ts, `reactor-tab`). */
import { executeServerCommand } from '@web/test-runner-commands';

export const tab = async <T>(payload: Record<string, unknown>): Promise<T> =>
  (await executeServerCommand<{ value: T }, Record<string, unknown>>('reactor-tab', payload)).value;
