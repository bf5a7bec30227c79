// How many app processes `npm start` runs (WEB_CONCURRENCY), and the messages between the primary
// process of scripts/start.ts and its workers (node:cluster): a worker says where it listens, and
// the primary gathers every process's metrics for the worker that is asked for /metrics.
import os from 'node:os';

/** At most this many workers, whatever WEB_CONCURRENCY says. */
export const MAX_WORKERS = 64;

/**
 * WEB_CONCURRENCY as a worker count: a positive integer (capped at MAX_WORKERS); unset or empty,
 * the number of cores. Anything else is refused with the reason, for the start line to say.
 */
export function workerCount(
  setting: string | undefined,
  cores: number = os.availableParallelism(),
): { count: number } | { error: string } {
  const fallback = Math.max(1, Math.min(cores, MAX_WORKERS));
  if (setting === undefined || setting.trim() === '') return { count: fallback };
  if (!/^\d+$/.test(setting.trim()))
    return { error: `WEB_CONCURRENCY must be a whole number of processes, not "${setting}"` };
  const count = Number(setting.trim());
  if (count < 1) return { error: 'WEB_CONCURRENCY must be 1 or more' };
  return { count: Math.min(count, MAX_WORKERS) };
}

/** A worker listens: its address. */
export type ListeningMessage = { type: 'butin:listening'; url: string };
/** A worker asks for the metrics of every process (`id` pairs the answer with the question). */
export type MetricsRequest = { type: 'butin:metrics-request'; id: number };
/** The primary's answer: the Prometheus text of every process together, or why not. */
export type MetricsAnswer = { type: 'butin:metrics-answer'; id: number; text?: string; error?: string };
/** The primary asks a worker for its registry's metrics, as prom-client's JSON. */
export type MetricsJsonRequest = { type: 'butin:metrics-json-request'; id: number };
export type MetricsJsonAnswer = { type: 'butin:metrics-json-answer'; id: number; metrics: unknown[] };

export type WorkerMessage = ListeningMessage | MetricsRequest | MetricsJsonAnswer;
export type PrimaryMessage = MetricsAnswer | MetricsJsonRequest;

export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
