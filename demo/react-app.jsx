/**
 * A React 19 app around the elements: React sets properties on the custom element (`tokenUrl`,
 * `maxDuration`, a `tokenProvider` function) and listens to `reactor-*` events with `on…` props.
 * Nothing here is specific to the library: it is how React 19 treats any custom element.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Player({ apiUrl, tokenUrl }) {
  const [log, setLog] = useState([]);
  const [shown, setShown] = useState(true);
  const note = (line) => setLog((lines) => [...lines, line]);
  return (
    <section>
      <reactor-pricing apiUrl={apiUrl} model="helios"></reactor-pricing>
      {shown && (
        <reactor-session
          id="react-player"
          model="helios"
          apiUrl={apiUrl}
          maxDuration={120}
          idleTimeout={0}
          tokenProvider={() => fetch(tokenUrl).then((r) => r.json())}
          onreactor-ready={(e) => note(`ready ${e.detail.sessionId}`)}
          onreactor-end={(e) => note(`end ${e.detail.reason} ${e.detail.sessionId}`)}
          onreactor-error={(e) => note(`error ${e.detail.code}`)}
        ></reactor-session>
      )}
      <button type="button" id="unmount" onClick={() => setShown(false)}>
        Remove the player
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
