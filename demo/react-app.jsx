/**
 * A React 19 app around the elements: React sets properties on the custom element (`tokenUrl`,
 * `maxDuration`, a `tokenProvider` function) and listens to `reactor-*` events with `on…` props.
 * Nothing here is specific to the library: it is how React 19 treats any custom element. The
 * player sits in an `<Activity>`, as Next.js keeps a route the visitor left: hidden, still
 * mounted; its session ends `hiddenTimeout` seconds later.
 */
import { Activity, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Player({ apiUrl, tokenUrl }) {
  const [log, setLog] = useState([]);
  const [shown, setShown] = useState(true);
  const [active, setActive] = useState(true);
  const note = (line) => setLog((lines) => [...lines, line]);
  return (
    <section>
      <reactor-pricing apiUrl={apiUrl} model="helios"></reactor-pricing>
      {shown && (
        <Activity mode={active ? 'visible' : 'hidden'}>
          <reactor-session
            id="react-player"
            model="helios"
            apiUrl={apiUrl}
            maxDuration={120}
            idleTimeout={0}
            hiddenTimeout={2}
            tokenProvider={() => fetch(tokenUrl).then((r) => r.json())}
            onreactor-ready={(e) => note(`ready ${e.detail.sessionId}`)}
            onreactor-end={(e) => note(`end ${e.detail.reason} ${e.detail.sessionId}`)}
            onreactor-error={(e) => note(`error ${e.detail.code}`)}
          ></reactor-session>
        </Activity>
      )}
      <button type="button" id="unmount" onClick={() => setShown(false)}>
        Remove the player
      </button>
      <button type="button" id="hide" onClick={() => setActive(!active)}>
        Hide the player (as a route left behind)
      </button>
      <ol id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

/** Mounts the app into `container`: `apiUrl` is the Reactor API origin, `tokenUrl` the site's route. */
export function mount(container, apiUrl, tokenUrl) {
  createRoot(container).render(
    <StrictMode>
      <Player apiUrl={apiUrl} tokenUrl={tokenUrl} />
    </StrictMode>,
  );
}
