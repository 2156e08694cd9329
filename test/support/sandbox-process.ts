// Runs the sandbox command (src/sandbox/main.ts) as a child process on a free loopback port, for tests that
// must kill it for real (SIGKILL) or restart it on the same data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTENING = /sandbox listening on (http:\/\/\S+)/;

export interface SandboxProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything the child wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the child has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the child to end (SIGKILLs it after timeoutMs if it is still running). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SandboxProcessOptions {
  /** Extra environment (SANDBOX_DATA_DIR, SANDBOX_CLIENT_ID, …); PORT is 0 and HOST 127.0.0.1 unless given. */
  env: Record<string, string>;
  /** How long to wait for the "listening on" line (default 60 s). */
  startTimeoutMs?: number;
}

export async function spawnSandbox(options: SandboxProcessOptions): Promise<SandboxProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', ...options.env };
  // A child of a node:test file would otherwise think it runs under the test runner too.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await Promise.race([
      new Promise<string>((resolve) => {
        const look = () => {
          const match = LISTENING.exec(output);
          if (match) {
            child.stdout!.off('data', look);
            resolve(match[1]!);
          }
        };
        child.stdout!.on('data', look);
      }),
      exited.then(({ code, signal }) => {
        throw new Error(`The sandbox exited before listening (code ${code}, signal ${signal}):\n${output}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The sandbox did not listen within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
      }),
    ]);
    const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    };
    return { url, pid: child.pid!, child, output: () => output, exited, stop };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
