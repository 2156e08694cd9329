// A bounded HTTP load loop: a fixed number of workers send requests one after another until a time limit or a
// request cap is reached, and each request has its own timeout. Used by the sandbox load test and the benchmarks.
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** How long new requests are started; requests already sent are awaited (each is bounded by requestTimeoutMs). */
  durationMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Sends one request; `index` counts from 0 across all workers. The signal aborts it after requestTimeoutMs. */
  request: (signal: AbortSignal, index: number) => Promise<Response>;
  /** Hard cap on requests, whatever the duration (default 100,000). */
  maxRequests?: number;
  /** Per-request timeout (default 10 s); a timeout counts as an error. */
  requestTimeoutMs?: number;
  /** Whether an answer counts as a success (default: a 2xx status). */
  isSuccess?: (response: Response) => boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Up to 5 descriptions of errors ("500 …", "TypeError: fetch failed"), for assertion messages. */
  errorSamples: string[];
  /** Wall-clock time of the run, from the first request to the last answer. */
  elapsedMs: number;
  /** Requests per second over elapsedMs. */
  rps: number;
  /** Latency percentiles in milliseconds (nearest rank), over every request, failed ones included. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { durationMs, concurrency, request } = options;
  const maxRequests = options.maxRequests ?? 100_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const isSuccess = options.isSuccess ?? ((response: Response) => response.ok);
  if (!(durationMs > 0) || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`runLoad needs durationMs > 0 and a whole concurrency of at least 1 (got ${durationMs}, ${concurrency})`);
  }

  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let started = 0;
  const fail = (description: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(description);
  };

  const begin = performance.now();
  const deadline = begin + durationMs;
  const worker = async () => {
    while (performance.now() < deadline && started < maxRequests) {
      const index = started++;
      const t0 = performance.now();
      try {
        const response = await request(AbortSignal.timeout(requestTimeoutMs), index);
        // Read the whole body: an answer counts once it has fully arrived, and the connection is freed for reuse.
        const body = await response.text();
        if (!isSuccess(response)) fail(`${response.status} ${body.slice(0, 200)}`);
      } catch (error) {
        fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - begin;

  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    errorSamples,
    elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

/** Nearest-rank percentile of an ascending list (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A markdown table of named results: requests, errors, req/s and latency percentiles in ms. */
export function formatLoadTable(rows: ReadonlyArray<{ name: string; result: LoadResult }>): string {
  const ms = (value: number) => value.toFixed(1);
  const lines = [
    '| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(({ name, result: r }) =>
      `| ${name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`,
    ),
  ];
  return lines.join('\n');
}
