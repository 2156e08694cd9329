// One sandbox process per data directory: two PostgreSQL instances writing the same files would corrupt them.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'sandbox.lock';

// Directories this process holds, so a second sandbox in the same process is refused too.
const heldHere = new Set<string>();

export interface DataDirLock {
  release(): void;
}

/** Takes the directory's lock file (holding our PID); a lock left by a dead process is taken over. */
export function lockDataDir(dir: string): DataDirLock {
  const path = join(dir, LOCK_FILE);
  if (heldHere.has(path)) throw inUse(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw inUse(dir, owner);
      rmSync(path, { force: true });
    }
  }
  heldHere.add(path);
  return {
    release() {
      if (!heldHere.delete(path)) return;
      if (readOwner(path) === process.pid) rmSync(path, { force: true });
    },
  };
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, pid: number): Error {
  return new Error(
    `The sandbox data directory "${dir}" is in use by another sandbox (process ${pid}). ` +
      'Stop that sandbox first, or set SANDBOX_DATA_DIR to another directory (or "memory").',
  );
}
