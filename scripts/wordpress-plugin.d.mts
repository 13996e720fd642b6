/** Types of wordpress-plugin.mjs, for the local site and the tests. */
export function stagePlugin(options?: { build?: boolean }): { staged: string; version: string };
export function zipPlugin(): { out: string; entries: string[]; version: string };
