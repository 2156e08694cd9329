// React 19: the customer connects a data source; the page lists what they connected.
import { useState } from 'react';
import { AirbyteConnect } from 'airbyte-connect/react';

export function ConnectSources() {
  const [connected, setConnected] = useState<string[]>([]);

  return (
    <section>
      <h2>Connect your data</h2>
      <AirbyteConnect
        tokenUrl="/api/airbyte-token"
        onSourceCreated={(event) => setConnected((names) => [...names, event.detail.source.name])}
        onError={(event) => console.warn(`airbyte-connect: ${event.detail.code}`, event.detail.message)}
      />
      {connected.length > 0 && <p>Connected: {connected.join(', ')}</p>}
    </section>
  );
}
