// Locates Debian's Chromium (never downloads one). Installs it through apt when it is missing and we may.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];

export function chromiumPath() {
  return candidates.find((path) => path && existsSync(path));
}

export function ensureChromium() {
  const found = chromiumPath();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && process.env.AIRBYTE_CONNECT_NO_APT !== '1') {
    console.log('Chromium is missing: installing Debian\'s chromium through apt…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', env });
    const installed = chromiumPath();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium was not found. Install Debian\'s package as root (`apt-get install -y chromium`), ' +
      'or point CHROME_PATH at a Chromium binary. No browser is ever downloaded by these tests.',
  );
}

/** Flags for headless Chromium as root on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
];
