import http from 'node:http';
import { serverTimingMs } from './session.js';

export interface TimedLoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  client: { p50: number; p95: number };
  server: { p50: number; p95: number };
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Closed-loop GET load like bench/load.ts (`concurrency` keep-alive clients, each sending its next request when the
 * previous answer ends), recording the client round trip and the server's Server-Timing of every answer.
 */
export async function timedLoad(url: string, headers: Record<string, string>, concurrency: number, durationMs: number): Promise<TimedLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const client: number[] = [];
  const server: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ agent, hostname: target.hostname, port: target.port, path: target.pathname + target.search, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) {
            client.push(performance.now() - t0);
            server.push(serverTimingMs(res.headers['server-timing'] as string | undefined));
          } else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  client.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  return {
    requests: client.length,
    errors,
    perSecond: client.length / seconds,
    client: { p50: percentile(client, 50), p95: percentile(client, 95) },
    server: { p50: percentile(server, 50), p95: percentile(server, 95) },
  };
}
