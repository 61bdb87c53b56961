import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CognitoError, errors } from './errors.js';
import type { FaultInjector, FaultKind } from './faults.js';
import type { HttpGuard } from './http-guard.js';
import type { Outbox } from './mail.js';
import { OPERATIONS, type Operation, type Pool } from './operations/index.js';
import { SES_SEND_EMAIL_PATH, SesError, sesMessage } from './ses.js';
import type { TokenMinter } from './tokens.js';
import { cors, preflight, readCappedBody, sendJson, sendPlain } from './http-io.js';

export { MAX_BODY_BYTES } from './http-io.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/**
 * [U] Besides AWS JSON 1.1, AWS front ends accept JSON 1.0 and plain JSON; any other content type
 * cannot be routed to an operation, so it gets UnknownOperationException.
 */
const JSON_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

export interface RequestRecord {
  operation: string;
  /** The HTTP status answered; 0 when the connection was closed without an answer (a `drop` fault). */
  status: number;
  at: string;
  /** Present when a fault was injected into this call. With `lostResponse`, `status` is what would have been answered. */
  fault?: FaultKind;
  /** Present when latency was added: the milliseconds waited. */
  delayMs?: number;
  /** Present when one of the pool's Lambda triggers made the call (an admin call while it ran), not a client. */
  trigger?: true;
}

/** The answers of the injected error faults: status, `__type`, message. [U] messages. */
const FAULT_ANSWERS = {
  internalError: [500, 'InternalErrorException', 'Internal server error.'],
  unavailable: [503, 'ServiceUnavailableException', 'Service Unavailable'],
  throttle: [400, 'TooManyRequestsException', 'Too many requests'],
} as const;

export interface ServerDeps {
  pool: Pool;
  /** Whether one of the pool's Lambda triggers is running (its own API calls must not queue). */
  inTrigger: () => boolean;
  minter: TokenMinter;
  outbox: Outbox;
  userPoolId: string;
  /** Base URL for the openid-configuration's jwks_uri; set once listening. */
  endpoint: () => string;
  log: (line: string) => void;
  faults: FaultInjector;
  /** Resolves once every state change made so far is durable (the data file written). */
  durable: () => Promise<void>;
  /** The Host and Origin checks every request passes first. */
  guard: HttpGuard;
  /** Milliseconds a request (headers and body) may take to arrive; see `serverTimeouts`. */
  requestTimeoutMs: number;
}

/**
 * The HTTP server's timeouts. Idle keep-alive connections stay open 65 s (as AWS load balancers
 * keep them 60 s): clients (the SDK's agent, undici's 4 s, Node's global agent's 5 s) then always
 * give up an idle socket before the server closes it, so none reuses a socket the server has just
 * closed ("socket hang up", ECONNRESET). Node's own default, 5 s, races exactly those clients.
 * A request must arrive within `requestTimeoutMs` (30 s by default; headers within 10 s of it) or it
 * gets 408 and the connection closes, so a slow body no longer holds a connection for 300 s. Since
 * Node 18 the headers timer starts with a request's first byte, not when the connection goes idle,
 * so it does not cut idle keep-alive connections short (Node also refuses headersTimeout >
 * requestTimeout); test/emulator/keep-alive.test.ts holds both to it.
 */
export function serverTimeouts(requestTimeoutMs: number) {
  return {
    keepAliveTimeout: 65_000,
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(10_000, requestTimeoutMs),
    // How often Node checks the two timeouts above; its default of 30 s would double them.
    connectionsCheckingInterval: Math.min(1_000, Math.max(100, Math.floor(requestTimeoutMs / 4))),
  };
}

/** The HTTP front: routing, CORS, body cap, Cognito's error shape, and the `/_emulator/*` test endpoints. */
export class EmulatorServer {
  readonly http: Server;
  private readonly requests: RequestRecord[] = [];
  /** Operations run one at a time, so a request never sees another's half-done change. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Calls waiting out injected latency, so close() can end the waits. */
  private readonly delays = new Set<() => void>();

  constructor(private readonly d: ServerDeps) {
    const { keepAliveTimeout, ...timeouts } = serverTimeouts(d.requestTimeoutMs);
    this.http = createServer(timeouts, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.d.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { __type: 'InternalErrorException', message: 'Internal server error.' });
        else res.destroy();
      });
    });
    // Only settable after construction.
    this.http.keepAliveTimeout = keepAliveTimeout;
    this.http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      // Node reports a request that did not arrive in time (requestTimeout, headersTimeout) here too.
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      else socket.destroy();
    });
  }

  /** Ends every injected wait at once (the callers then see their connection gone). */
  cancelDelays(): void {
    for (const wake of [...this.delays]) wake();
  }

  /** Resolves when the operations queued so far have run. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.delays.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.delays.add(wake);
    });
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Before anything is read or changed, `/_emulator/*` included.
    const refusal = this.d.guard.checkHost(req.headers.host) ?? this.d.guard.checkOrigin(req.headers.origin);
    if (refusal !== null) {
      req.resume();
      res.setHeader('connection', 'close');
      this.d.log(`refused ${req.method ?? ''} ${req.url ?? ''}: ${refusal.message}`);
      return sendJson(res, refusal.status, { __type: 'ForbiddenException', message: refusal.message });
    }
    cors(req, res);
    let url: URL;
    try {
      // Never `new URL(req.url, base)`: a target like `//x` would be read as another host (or throw).
      const target = req.url ?? '/';
      url = new URL(`http://emulator.invalid${target.startsWith('/') ? '' : '/'}${target}`);
    } catch {
      req.resume();
      return sendPlain(res, 400, 'Bad request target.');
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'OPTIONS') return preflight(req, res);

    if (path === '/') {
      if (method !== 'POST') return sendPlain(res, 405, 'Method Not Allowed', { allow: 'POST, OPTIONS' });
      return this.api(req, res);
    }

    const wellKnown = `/${this.d.userPoolId}/.well-known/`;
    if (path === `${wellKnown}jwks.json` || path === `${wellKnown}openid-configuration`) {
      req.resume();
      if (method !== 'GET' && method !== 'HEAD') return sendPlain(res, 405, 'Method Not Allowed', { allow: 'GET, OPTIONS' });
      if (path.endsWith('jwks.json')) return sendJson(res, 200, this.d.minter.jwks());
      const base = this.d.endpoint();
      return sendJson(res, 200, {
        issuer: this.d.minter.issuer,
        jwks_uri: `${base}${wellKnown}jwks.json`,
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'token'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        claims_supported: ['sub', 'email', 'email_verified', 'cognito:username', 'auth_time', 'iss', 'aud', 'exp', 'iat'],
      });
    }

    if (path === '/_emulator/faults') return this.faultsEndpoint(req, res, method);

    if (path === SES_SEND_EMAIL_PATH) return this.sesSendEmail(req, res, method);

    if (path === '/_emulator/messages' || path === '/_emulator/requests') {
      req.resume();
      const isMessages = path === '/_emulator/messages';
      if (method === 'GET') {
        const to = url.searchParams.get('to');
        return sendJson(res, 200, isMessages ? this.d.outbox.list(to ?? undefined) : [...this.requests]);
      }
      if (method === 'DELETE') {
        if (isMessages) this.d.outbox.clear();
        else this.requests.length = 0;
        res.writeHead(204);
        res.end();
        return;
      }
      return sendPlain(res, 405, 'Method Not Allowed', { allow: 'GET, DELETE, OPTIONS' });
    }

    req.resume();
    sendPlain(res, 404, 'Not Found');
  }

  /**
   * SES v2 SendEmail from the pool's Lambda triggers (see ses.ts). Not serialised with the Cognito
   * operations: a trigger calls it while the operation that invoked the trigger is still running.
   */
  private async sesSendEmail(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (method !== 'POST') {
      req.resume();
      return sendPlain(res, 405, 'Method Not Allowed', { allow: 'POST, OPTIONS' });
    }
    const body = await readCappedBody(req, res);
    if (body === null) return;
    try {
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        throw new SesError('BadRequestException', 'The request body is not JSON.');
      }
      const { to, message, messageId } = sesMessage(input);
      for (const address of to) this.d.outbox.add({ ...message, to: address });
      this.d.log(`SES mail from ${message.from} to ${to.join(', ')}: ${message.subject}`);
      sendJson(res, 200, { MessageId: messageId });
    } catch (error) {
      if (!(error instanceof SesError)) throw error;
      res.setHeader('x-amzn-errortype', error.type);
      sendJson(res, error.status, { message: error.message });
    }
  }

  /** `GET` the fault settings, `PUT` (replace) or `POST` (merge) JSON to change them, `DELETE` to turn them off. */
  private async faultsEndpoint(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (method === 'GET' || method === 'HEAD') {
      req.resume();
      return sendJson(res, 200, this.d.faults.describe());
    }
    if (method === 'DELETE') {
      req.resume();
      this.d.faults.reset();
      this.d.log('faults off');
      res.writeHead(204);
      res.end();
      return;
    }
    if (method !== 'PUT' && method !== 'POST') {
      req.resume();
      return sendPlain(res, 405, 'Method Not Allowed', { allow: 'GET, PUT, POST, DELETE, OPTIONS' });
    }
    const body = await readCappedBody(req, res);
    if (body === null) return;
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendPlain(res, 400, 'The body is not JSON.');
    }
    try {
      this.d.faults.update(input, method === 'PUT');
    } catch (error) {
      return sendPlain(res, 400, (error as Error).message);
    }
    const now = this.d.faults.describe();
    this.d.log(`faults: ${JSON.stringify({ ...now, injected: undefined })}`);
    sendJson(res, 200, now);
  }

  private async api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const requestId = randomUUID();
    res.setHeader('x-amzn-requestid', requestId);
    // A trigger's admin calls (a Post confirmation trigger's AdminSetUserPassword, say) arrive while
    // the operation that runs the trigger waits for it: queued behind it, they would wait for ever.
    // Cognito runs them at once too. The request log marks them as the pool's own.
    const fromTrigger = this.d.inTrigger() && operation.startsWith('Admin');
    const extra: { fault?: FaultKind; delayMs?: number; trigger?: true } = fromTrigger ? { trigger: true } : {};
    const record = (status: number) => this.requests.push({ operation, status, at, ...extra });
    const finish = (status: number, body: unknown, errorType?: string) => {
      record(status);
      if (errorType !== undefined) res.setHeader('x-amzn-errortype', errorType);
      sendJson(res, status, body, 'application/x-amz-json-1.1');
      this.d.log(
        `${operation || '(no target)'} ${status}${errorType ? ` ${errorType}` : ''}${extra.fault ? ` (injected ${extra.fault})` : ''}${extra.trigger ? ' (trigger)' : ''}`,
      );
    };
    const fail = (error: CognitoError) => finish(error.status, { __type: error.type, message: error.message }, error.type);

    const body = await readCappedBody(req, res);
    if (body === null) {
      record(413);
      return;
    }

    // Faults are decided before anything runs, so a faulted call changes nothing (but lostResponse).
    // They model the network between clients and Cognito: a trigger's own admin calls get them only
    // when the settings name the operation (as a test of a failing trigger does).
    const decision =
      fromTrigger && !this.d.faults.names(operation) ? { fault: undefined, delayMs: 0 } : this.d.faults.decide(operation);
    if (decision.delayMs > 0) {
      extra.delayMs = decision.delayMs;
      await this.delay(decision.delayMs);
      // The client gave up (or the emulator is closing) while waiting: nothing to run or answer.
      if (req.socket.destroyed) return;
    }
    if (decision.fault !== undefined) extra.fault = decision.fault;
    if (decision.fault === 'drop') {
      record(0);
      this.d.log(`${operation || '(no target)'}: connection dropped (injected drop)`);
      req.socket.destroy();
      return;
    }
    if (decision.fault === 'internalError' || decision.fault === 'unavailable' || decision.fault === 'throttle') {
      const [status, type, message] = FAULT_ANSWERS[decision.fault];
      return fail(new CognitoError(type, message, status));
    }

    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let error: CognitoError | undefined;
    let result: object | undefined;
    if (!JSON_TYPES.includes(contentType) || !target.startsWith(TARGET_PREFIX) || !(OPERATIONS as readonly string[]).includes(operation))
      error = errors.unknownOperation(target);
    else {
      let input: unknown;
      try {
        // An empty body is an empty request; its required members then fail validation.
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        error = errors.serialization('Unable to parse the request body as JSON.');
      }
      if (error === undefined && (typeof input !== 'object' || input === null || Array.isArray(input)))
        error = errors.serialization('The request body must be a JSON object.');
      if (error === undefined) {
        try {
          const signed = /^AWS4-HMAC-SHA256\s+Credential=/.test(String(req.headers.authorization ?? ''));
          const run = () => this.d.pool.run(operation as Operation, input as Record<string, unknown>, { signed });
          result = await (fromTrigger ? run() : this.serialized(run));
        } catch (thrown) {
          if (thrown instanceof CognitoError) error = thrown;
          else {
            this.d.log(`internal error in ${operation}: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}`);
            error = errors.internal();
          }
        }
        // Answer only once every change so far (this call's and those it may have seen) is durable.
        try {
          await this.d.durable();
        } catch (thrown) {
          this.d.log(`could not write the data file: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
          error = errors.internal();
          result = undefined;
        }
      }
    }
    if (decision.fault === 'lostResponse') {
      record(error?.status ?? 200);
      this.d.log(`${operation || '(no target)'} ${error?.status ?? 200}: answer lost (injected lostResponse)`);
      req.socket.destroy();
      return;
    }
    if (error !== undefined) return fail(error);
    finish(200, result);
  }
}
