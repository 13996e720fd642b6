/** Small assertions and waits shared by the browser tests. */
import { expect } from '@open-wc/testing';
import { PlatformError } from '../../src/platform/errors.js';

/** Resolves with the PlatformError that `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PlatformError);
    return error as PlatformError;
  }
  throw new Error('expected a rejection');
}

/**
 * Resolves with the next `{sessionId}` that a child frame posts to this window. A frame that
 * posts `{error}` instead, or none within `timeoutMs`, fails the wait with what it knows, rather
 * than leaving the test to its runner's timeout.
 */
export function sessionIdFromFrame(timeoutMs = 12_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no session id from the frame within ${timeoutMs} ms`));
    }, timeoutMs);
    function onMessage(event: MessageEvent<{ sessionId?: string; error?: string }>) {
      if (event.data?.sessionId) {
        done();
        resolve(event.data.sessionId);
      } else if (event.data?.error) {
        done();
        reject(new Error(`the frame failed before a session was live: ${event.data.error}`));
      }
    }
    window.addEventListener('message', onMessage);
  });
}
