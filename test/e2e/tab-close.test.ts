import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closedEntry, emulatorUrl, resetEmulator } from '../helpers/emulator.js';
import { matrixRow } from '../helpers/matrix.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';

/**
 * A visitor closes the tab while a session is live: a real tab, opened and closed by the test
 * runner (see test/support/wtr-tabs.ts), with the built classic script. In Firefox a tab close
 * shuts the tab's content process down and may abort the unload handler mid-way; before the
 * DELETE was built ahead and sent first, with a second pagehide listener, about 4 in 10 of these
 * sessions were left billing until the platform's recoverable window ran out.
 */
describe('closing the tab', function () {
  // Every test here runs a live session.
  before(skipWithoutWebRTC);
  this.timeout(120_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('ends every live session as the client, in the ledger', async () => {
    const apiUrl = await emulatorUrl();
    const times = await executeServerCommand<number, unknown>('reactor-tab-closes');
    const sessionIds: string[] = [];
    const closedAt: Record<string, number> = {};
    for (let i = 0; i < times; i++) {
      const reply = await executeServerCommand<{ sessionId: string; closedAt: number }, unknown>(
        'reactor-close-tab',
        { apiUrl },
      );
      sessionIds.push(reply.sessionId);
      closedAt[reply.sessionId] = reply.closedAt;
    }
    expect(sessionIds.length).to.be.at.least(3);
    const endedBy: string[] = [];
    for (const id of sessionIds) {
      // The keepalive DELETE lands within ~100 ms of the close; a lost one leaves the session
      // SUSPENDED (the platform holds the GPU, billed, for its recoverable window).
      const entry = await closedEntry(id, 3000);
      endedBy.push(`${entry.state}/${entry.ended_by ?? '-'}`);
    }
    expect(endedBy).to.deep.equal(sessionIds.map(() => 'CLOSED/client'));
    await matrixRow({
      group: 'exit',
      scenario: `tab closed (${times} tabs, seconds summed)`,
      ids: sessionIds,
      goneAt: null,
      goneAtById: closedAt,
    });
  });
});
