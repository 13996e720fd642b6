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

/** Resolves with the next `{sessionId}` that a child frame posts to this window. */
export function sessionIdFromFrame(): Promise<string> {
  return new Promise((resolve) => {
    window.addEventListener(
      'message',
      function onMessage(event: MessageEvent<{ sessionId?: string }>) {
        if (event.data?.sessionId) {
          window.removeEventListener('message', onMessage);
          resolve(event.data.sessionId);
        }
      },
    );
  });
}
