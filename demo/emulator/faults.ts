/** Forced failures for tests: the next N calls of a route answer a given status. */
import { type ErrorReply, errors } from './errors.js';

export interface Fault {
  status: number;
  times: number;
  route: string | null;
  retryAfter: number;
}

export class FaultQueue {
  private faults: Fault[] = [];

  /** Queues `list` (from `/_emulator/config`); an error reply when one of them is malformed. */
  add(list: Partial<Fault>[]): ErrorReply | null {
    for (const f of list) {
      if (typeof f.status !== 'number') return errors.badRequest('A fault needs a numeric status.');
      this.faults.push({
        status: f.status,
        times: f.times ?? 1,
        route: f.route ?? null,
        retryAfter: f.retryAfter ?? 1,
      });
    }
    return null;
  }

  /** Takes the next forced fault that matches `METHOD /path`, if any. */
  take(method: string, path: string): Fault | null {
    const route = `${method} ${path}`;
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.route || routeMatches(f.route, route)),
    );
    if (!fault) return null;
    fault.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}

/**
 * A fault's `route` matches `METHOD /path` as a prefix, where `*` stands for one path segment:
 * with a star in place of the session id, one step of every session's connect can be picked, and
 * a trailing `$` makes it that path only (`GET /sessions/*$`: the poll, not the transport calls).
 */
function routeMatches(pattern: string, route: string): boolean {
  const exact = pattern.endsWith('$'); // a trailing `$`: this path only, not a prefix
  const parts = (exact ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}${exact ? '$' : ''}`).test(route);
}
