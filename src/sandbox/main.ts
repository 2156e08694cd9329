// `npm run sandbox`: the sandbox API alone, configured from the environment.
import { readSandboxOptions, SANDBOX_DEFAULTS, startSandbox } from './index.js';
import { readInteger } from './settings.js';

async function main(): Promise<void> {
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const port = readInteger(process.env, 'PORT', 8080, 0, 'port');
  if (port > 65535) throw new Error(`PORT must be a port number from 0 to 65535, got "${port}"`);
  const options = readSandboxOptions();
  const sandbox = await startSandbox({ ...options, host, port });

  const secret = options.clientSecret === SANDBOX_DEFAULTS.clientSecret ? options.clientSecret : '(from SANDBOX_CLIENT_SECRET)';
  console.log(`airbyte-connect sandbox listening on ${sandbox.url}`);
  console.log(`  application credentials: client_id=${options.clientId} client_secret=${secret}`);
  console.log(`  POST ${sandbox.url}/api/v1/account/applications/token with them; data: ${options.dataDir}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; shutting the sandbox down`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The sandbox did not shut down cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`airbyte-connect sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
