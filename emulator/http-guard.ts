/**
 * Who may talk to the emulator. It runs on a developer's machine and holds codes that sign people
 * in, so two checks run before any request reads or changes anything:
 *
 * - **Host** (DNS rebinding): a web page at `http://attacker.example` can make its own name resolve
 *   to 127.0.0.1 and then read the emulator as if it were same-origin. Its requests still carry
 *   `Host: attacker.example`, so only names that cannot be rebound are answered: `localhost` (and
 *   `*.localhost`, which browsers never look up in DNS), IP literals (rebinding needs a name: a
 *   page whose origin is an IP literal and port is the emulator itself), the name given as `host`,
 *   and the names given as `allowedHosts`.
 * - **Origin** (CORS): browsers send `Origin` on every cross-origin request. Only loopback pages
 *   (`http(s)://localhost|*.localhost|127.0.0.1|[::1]`, any port), pages on the address it was told
 *   to listen on beyond loopback (`host`; for `0.0.0.0`/`::`, any of this machine's addresses: a
 *   page served from this machine, e.g. to a phone on the LAN), and the `corsOrigins` given are
 *   answered; a request from any other page is refused outright (403), not merely left unreadable,
 *   because "simple" requests (a form post, `text/plain` fetch) run without a preflight.
 *   Requests without `Origin` (the SDK, curl, Node) are not browsers' cross-origin requests.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** What `startEmulator` was told about its address and its callers. */
export interface GuardOptions {
  /** The `host` option (the listening address); a name here is allowed as a Host. */
  host: string;
  /** Extra Host names, e.g. a Docker service name; case-insensitive, any port. */
  allowedHosts: readonly string[];
  /** Extra origins, e.g. `https://app.test:8443`; `null` for opaque origins; `*` for any (unsafe). */
  corsOrigins: readonly string[];
}

export type Refusal = { status: 403; message: string };

/** `localhost`, `[::1]:9239`, `Example.test:80` → `localhost`, `::1`, `example.test`; null if malformed. */
export function hostName(header: string): string | null {
  const value = header.trim().toLowerCase();
  if (value === '') return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return null;
    const rest = value.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return value.slice(1, end);
  }
  const match = /^([a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(value);
  return match ? match[1]!.replace(/\.$/, '') : null;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

const LOOPBACK_ORIGIN_HOSTS = new Set(['127.0.0.1', '[::1]']);

function isLoopbackAddress(name: string): boolean {
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** This machine's addresses now (they may change while it runs, e.g. a new DHCP lease). */
function ownAddresses(): Set<string> {
  return new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address.toLowerCase())));
}

/** The checks, built once from the options (the names normalised the way headers are). */
export class HttpGuard {
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;
  private readonly anyOrigin: boolean;
  /** The page host names the listening address adds: none on loopback, `*` for a wildcard address. */
  private readonly listeningOrigins: '*' | ReadonlySet<string>;

  constructor(options: GuardOptions) {
    this.hosts = new Set(options.allowedHosts.map((h) => hostName(h) ?? h.toLowerCase()));
    const listening = hostName(options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host);
    if (listening !== null) this.hosts.add(listening);
    const wildcard = listening === '0.0.0.0' || listening === '::';
    this.listeningOrigins = wildcard ? '*' : new Set(listening === null || isLoopbackAddress(listening) ? [] : [listening]);
    this.anyOrigin = options.corsOrigins.includes('*');
    this.origins = new Set(options.corsOrigins.filter((o) => o !== '*').map(normaliseOrigin));
  }

  /** Refuses a Host the emulator was not addressed by; null when it may proceed. */
  checkHost(header: string | undefined): Refusal | null {
    const name = header === undefined ? null : hostName(header);
    if (name !== null && (isIP(name) !== 0 || isLoopbackName(name) || this.hosts.has(name))) return null;
    return {
      status: 403,
      message:
        `Host ${JSON.stringify(header ?? '')} is not allowed. The emulator answers requests addressed to localhost, ` +
        `an IP address, or a name given with --allowed-host (allowedHosts), so that no web page can reach it by DNS rebinding.`,
    };
  }

  /** Whether a page of this origin may call the emulator. */
  originAllowed(origin: string): boolean {
    if (this.anyOrigin) return true;
    if (this.origins.has(origin)) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return false;
    if (LOOPBACK_ORIGIN_HOSTS.has(url.hostname) || isLoopbackName(url.hostname)) return true;
    const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (this.listeningOrigins === '*') return ownAddresses().has(name);
    return this.listeningOrigins.has(name);
  }

  /** Refuses a browser request from a page that is not allowed; null when it may proceed. */
  checkOrigin(header: string | undefined): Refusal | null {
    if (header === undefined || this.originAllowed(header)) return null;
    return {
      status: 403,
      message:
        `Origin ${JSON.stringify(header)} is not allowed. The emulator answers pages on localhost, 127.0.0.1 or [::1]; ` +
        `add others with --cors-origin (corsOrigins).`,
    };
  }
}

/** `HTTPS://App.Test:443/` → `https://app.test`, as browsers send it; `null` stays `null`. */
export function normaliseOrigin(origin: string): string {
  if (origin === 'null') return origin;
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/** Checks `corsOrigins`/`allowedHosts` options: a TypeError names the first bad one. */
export function checkGuardOptions(corsOrigins: unknown, allowedHosts: unknown): void {
  if (corsOrigins !== undefined) {
    if (!Array.isArray(corsOrigins)) throw new TypeError('corsOrigins must be an array of origins');
    for (const origin of corsOrigins) {
      if (origin === '*' || origin === 'null') continue;
      let ok = false;
      try {
        const url = new URL(String(origin));
        ok = (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '') && !url.search;
      } catch {
        ok = false;
      }
      if (typeof origin !== 'string' || !ok)
        throw new TypeError(`corsOrigins: ${JSON.stringify(origin)} is not an origin like https://app.example:8443, null or *`);
    }
  }
  if (allowedHosts !== undefined) {
    if (!Array.isArray(allowedHosts)) throw new TypeError('allowedHosts must be an array of host names');
    for (const host of allowedHosts)
      if (typeof host !== 'string' || hostName(host) === null)
        throw new TypeError(`allowedHosts: ${JSON.stringify(host)} is not a host name like cognito or app.test:9239`);
  }
}
