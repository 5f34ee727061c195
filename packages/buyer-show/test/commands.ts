// The test runner's built-in server commands (emulate-media, send-keys, send-mouse),
// called the way @web/test-runner-commands does; that package is not hoisted to the
// workspace root, so tests in a package cannot import it by name.
type Media = { reducedMotion?: 'reduce' | 'no-preference' };
type Keys = { press: string } | { type: string };
type Mouse = { type: 'move'; position: [number, number] } | { type: 'click'; position: [number, number] };

async function command(name: string, payload: unknown): Promise<void> {
  const session = new URL(location.href).searchParams.get('wtr-session-id');
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(/* @vite-ignore */ socket)) as {
    sendMessageWaitForResponse: (m: unknown) => Promise<{ executed: boolean; error?: string }>;
  };
  const res = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId: session, command: name, payload });
  if (!res.executed || res.error) throw new Error(`${name}: ${res.error ?? 'not executed'}`);
}

export const emulateMedia = (media: Media) => command('emulate-media', media);
export const sendKeys = (keys: Keys) => command('send-keys', keys);
export const sendMouse = (mouse: Mouse) => command('send-mouse', mouse);
export const resetMouse = () => command('reset-mouse', undefined);
