/** How a checklist line came out: `info` is a fact worth knowing, not a fault. */
export type CheckLevel = 'ok' | 'info' | 'warn' | 'fail';

/** One line of the setup checklist. */
export interface Check {
  readonly label: string;
  readonly level: CheckLevel;
  /** What was found. */
  readonly detail: string;
  /** What to change, when it is not `ok`. */
  readonly fix?: string;
}
