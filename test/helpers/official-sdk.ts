/** The official `@reactor-team/js-sdk` 2.9.0, loaded from the test server's pre-bundled copy. */

/** The part of the SDK's `Reactor` class that the conformance tests use. */
export interface OfficialReactor {
  connect(jwt: string): Promise<void>;
  disconnect(recoverable?: boolean): Promise<void>;
  reconnect(): Promise<void>;
  sendCommand(command: string, data: unknown): Promise<void>;
  on(event: string, handler: (...args: never[]) => void): void;
  getSessionId(): string | undefined;
  getStatus(): string;
}

interface SdkModule {
  Reactor: new (options: { modelName: string; apiUrl?: string }) => OfficialReactor;
}

export const SDK_URL = '/__vendor/reactor-sdk.js';

export async function loadOfficialSdk(): Promise<SdkModule> {
  return (await import(/* @vite-ignore */ SDK_URL)) as SdkModule;
}
