/**
 * Fault injection for the Cognito API (`POST /` only): a seeded share of calls answered with 500,
 * 503 or throttling, added latency, and dropped connections. Off by default.
 *
 * Every decision comes from a small seeded PRNG (mulberry32), never from the CSPRNG that makes the
 * codes, so the same seed and the same sequence of calls give the same faults. Each call the faults
 * apply to draws exactly two numbers (which fault, how much jitter), whatever the settings, so
 * changing a rate does not shift the rest of the sequence.
 */
import { randomInt } from 'node:crypto';

/** What can happen to one API call. */
export const FAULT_KINDS = ['internalError', 'unavailable', 'throttle', 'drop', 'lostResponse'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Seed of the PRNG that decides the faults (unsigned 32-bit integer). Default: a random one, shown by `GET /_emulator/faults`. */
  seed?: number;
  /** Share (0–1) of calls answered HTTP 500 `InternalErrorException` (retried by Amplify and SDK v3). */
  internalError?: number;
  /** Share (0–1) of calls answered HTTP 503 `ServiceUnavailableException` (retried). */
  unavailable?: number;
  /** Share (0–1) of calls answered HTTP 400 `TooManyRequestsException` (retried as throttling). */
  throttle?: number;
  /** Share (0–1) of calls whose connection is closed without an answer before the operation runs. */
  drop?: number;
  /**
   * Share (0–1) of calls that run (and change state, send mail) but whose connection is then closed
   * without an answer: a response lost on the way back. Not retried safely by clients, on purpose.
   */
  lostResponse?: number;
  /** Milliseconds added before every call is handled (faulted or not). */
  latencyMs?: number;
  /** Up to this many more milliseconds, uniformly drawn per call. */
  jitterMs?: number;
  /** Only these operations (X-Amz-Target suffixes, e.g. `InitiateAuth`) get faults and latency; default all. */
  operations?: string[] | null;
  /**
   * Faults for the next calls, in order, before the rates apply: e.g. `["unavailable", "none"]` answers
   * the next call 503 and lets the one after through. `"none"` lets a call through.
   */
  sequence?: Array<FaultKind | 'none'>;
}

/** The settings as `GET /_emulator/faults` shows them: every member present. */
export interface FaultSettings {
  seed: number;
  internalError: number;
  unavailable: number;
  throttle: number;
  drop: number;
  lostResponse: number;
  latencyMs: number;
  jitterMs: number;
  operations: string[] | null;
  sequence: Array<FaultKind | 'none'>;
}

/** The decision for one call. */
export interface FaultDecision {
  fault: FaultKind | undefined;
  /** Milliseconds to wait before handling the call. */
  delayMs: number;
}

const RATE_KEYS = ['internalError', 'unavailable', 'throttle', 'drop', 'lostResponse'] as const;
const ALL_KEYS = new Set<string>([...RATE_KEYS, 'seed', 'latencyMs', 'jitterMs', 'operations', 'sequence']);
/** A minute is far beyond any client timeout worth testing; it also keeps timers from piling up. */
const MAX_DELAY_MS = 60_000;

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; plenty for test decisions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function off(seed: number): FaultSettings {
  return { seed, internalError: 0, unavailable: 0, throttle: 0, drop: 0, lostResponse: 0, latencyMs: 0, jitterMs: 0, operations: null, sequence: [] };
}

/**
 * Checks `input` (options or a JSON body) and merges it into `base`. Throws a TypeError naming the
 * first problem.
 */
export function mergeFaultSettings(base: FaultSettings, input: unknown): FaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('faults must be an object');
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given)) if (!ALL_KEYS.has(key)) throw new TypeError(`faults: unknown setting "${key}"`);
  const next: FaultSettings = { ...base, sequence: [...base.sequence], operations: base.operations === null ? null : [...base.operations] };
  for (const key of RATE_KEYS) {
    const v = given[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new TypeError(`faults.${key} must be a number from 0 to 1`);
    next[key] = v;
  }
  const total = RATE_KEYS.reduce((sum, key) => sum + next[key], 0);
  if (total > 1 + 1e-9) throw new TypeError(`faults: the rates add up to ${total}, more than 1`);
  for (const key of ['latencyMs', 'jitterMs'] as const) {
    const v = given[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_DELAY_MS)
      throw new TypeError(`faults.${key} must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
    next[key] = v;
  }
  if (given.seed !== undefined) {
    const v = given.seed;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new TypeError('faults.seed must be an integer from 0 to 4294967295');
    next.seed = v;
  }
  if (given.operations !== undefined) {
    const v = given.operations;
    if (v !== null && (!Array.isArray(v) || !v.every((op) => typeof op === 'string' && op !== '')))
      throw new TypeError('faults.operations must be a list of operation names, or null for all');
    next.operations = v === null ? null : [...(v as string[])];
  }
  if (given.sequence !== undefined) {
    const v = given.sequence;
    const kinds: readonly string[] = [...FAULT_KINDS, 'none'];
    if (!Array.isArray(v) || !v.every((k) => typeof k === 'string' && kinds.includes(k)))
      throw new TypeError(`faults.sequence must be a list of ${kinds.join(', ')}`);
    next.sequence = [...(v as Array<FaultKind | 'none'>)];
  }
  return next;
}

/** Fault settings, the PRNG and counters of one emulator. */
export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;
  /** Faults injected since start, by kind. */
  private readonly counts: Record<FaultKind, number> = { internalError: 0, unavailable: 0, throttle: 0, drop: 0, lostResponse: 0 };

  constructor(options: FaultOptions | undefined) {
    this.settings = mergeFaultSettings(off(randomInt(0x7fffffff)), options ?? {});
    this.random = mulberry32(this.settings.seed);
  }

  /** The settings plus `injected` counts, for `GET /_emulator/faults`. */
  describe(): FaultSettings & { injected: Record<FaultKind, number> } {
    return { ...this.settings, sequence: [...this.settings.sequence], injected: { ...this.counts } };
  }

  /** PUT: the given settings, everything else off. POST: merged into the current ones. `seed` restarts the PRNG. */
  update(input: unknown, replace: boolean): void {
    const next = mergeFaultSettings(replace ? off(this.settings.seed) : this.settings, input);
    const reseed = typeof input === 'object' && input !== null && 'seed' in input;
    this.settings = next;
    if (reseed) this.random = mulberry32(next.seed);
  }

  /** DELETE: everything off; the seed and PRNG position are kept. */
  reset(): void {
    this.settings = off(this.settings.seed);
  }

  get active(): boolean {
    const s = this.settings;
    return s.latencyMs > 0 || s.jitterMs > 0 || s.sequence.length > 0 || RATE_KEYS.some((key) => s[key] > 0);
  }

  /** Whether `operation` is one the settings name explicitly (not only through "all operations"). */
  names(operation: string): boolean {
    return this.settings.operations?.includes(operation) ?? false;
  }

  /** Decides what happens to one API call to `operation`; call once per call, when it arrives. */
  decide(operation: string): FaultDecision {
    const s = this.settings;
    if (!this.active || (s.operations !== null && !s.operations.includes(operation))) return { fault: undefined, delayMs: 0 };
    const pick = this.random();
    const jitter = this.random();
    let fault: FaultKind | undefined;
    const scripted = s.sequence.shift();
    if (scripted !== undefined) fault = scripted === 'none' ? undefined : scripted;
    else {
      let edge = 0;
      for (const key of RATE_KEYS) {
        edge += s[key];
        if (pick < edge) {
          fault = key;
          break;
        }
      }
    }
    if (fault !== undefined) this.counts[fault] += 1;
    return { fault, delayMs: s.latencyMs + Math.floor(jitter * (s.jitterMs + 1)) };
  }
}
