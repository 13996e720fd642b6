/** Types of zip.mjs. */
export function zipFolder(folder: string, out: string, prefix: string): string[];
export function zipEntries(file: string): { name: string; size: number }[];
