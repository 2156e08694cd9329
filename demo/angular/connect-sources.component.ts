// Angular: the customer connects a data source; the page lists what they connected.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'airbyte-connect/define';
import type { AirbyteConnectEventMap } from 'airbyte-connect';

@Component({
  selector: 'app-connect-sources',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // lets the template use <airbyte-connect>
  template: `
    <h2>Connect your data</h2>
    <airbyte-connect
      token-url="/api/airbyte-token"
      (airbyte-source-created)="onCreated($event)"
    ></airbyte-connect>
    @if (connected().length) {
      <p>Connected: {{ connected().join(', ') }}</p>
    }
  `,
})
export class ConnectSourcesComponent {
  readonly connected = signal<string[]>([]);

  onCreated(event: AirbyteConnectEventMap['airbyte-source-created']) {
    this.connected.update((names) => [...names, event.detail.source.name]);
  }
}
