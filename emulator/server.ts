import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CognitoError, errors } from './errors.js';
import type { Outbox } from './mail.js';
import { OPERATIONS, type Operation, type Pool } from './operations.js';
import type { TokenMinter } from './tokens.js';

/** API bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/**
 * [U] Besides AWS JSON 1.1, AWS front ends accept JSON 1.0 and plain JSON; any other content type
 * cannot be routed to an operation, so it gets UnknownOperationException.
 */
const JSON_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

const EXPOSE_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date';
const DEFAULT_ALLOW_HEADERS =
  'amz-sdk-invocation-id, amz-sdk-request, authorization, cache-control, content-type, x-amz-content-sha256, x-amz-date, x-amz-security-token, x-amz-target, x-amz-user-agent';

export interface RequestRecord {
  operation: string;
  status: number;
  at: string;
}

export interface ServerDeps {
  pool: Pool;
  minter: TokenMinter;
  outbox: Outbox;
  userPoolId: string;
  /** Base URL for the openid-configuration's jwks_uri; set once listening. */
  endpoint: () => string;
  log: (line: string) => void;
}

function cors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
}

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A plain error outside the API (404, 405, 413 …). */
function sendPlain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, { message });
}

/** Reads the body up to `limit` bytes; resolves null when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume(); // drain without keeping anything
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The HTTP front: routing, CORS, body cap, Cognito's error shape, and the `/_emulator/*` test endpoints. */
export class EmulatorServer {
  readonly http: Server;
  private readonly requests: RequestRecord[] = [];
  /** Operations run one at a time, so a request never sees another's half-done change. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: ServerDeps) {
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.d.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { __type: 'InternalErrorException', message: 'Internal server error.' });
        else res.destroy();
      });
    });
    this.http.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      else socket.destroy();
    });
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    cors(res);
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
      const asked = req.headers['access-control-request-headers'];
      res.setHeader('Access-Control-Allow-Headers', typeof asked === 'string' && asked !== '' ? asked : DEFAULT_ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      // Chrome's Private Network Access preflight for a public page calling a loopback server.
      if (req.headers['access-control-request-private-network'] === 'true')
        res.setHeader('Access-Control-Allow-Private-Network', 'true');
      res.writeHead(204);
      res.end();
      return;
    }

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

  private async api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const requestId = randomUUID();
    res.setHeader('x-amzn-requestid', requestId);
    const finish = (status: number, body: unknown, errorType?: string) => {
      this.requests.push({ operation, status, at });
      if (errorType !== undefined) res.setHeader('x-amzn-errortype', errorType);
      sendJson(res, status, body, 'application/x-amz-json-1.1');
      this.d.log(`${operation || '(no target)'} ${status}${errorType ? ` ${errorType}` : ''}`);
    };
    const fail = (error: CognitoError) => finish(error.status, { __type: error.type, message: error.message }, error.type);

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      res.setHeader('connection', 'close');
      this.requests.push({ operation, status: 413, at });
      return sendPlain(res, 413, `Request body larger than ${MAX_BODY_BYTES} bytes.`);
    }
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!JSON_TYPES.includes(contentType)) return fail(errors.unknownOperation(target));
    if (!target.startsWith(TARGET_PREFIX) || !(OPERATIONS as readonly string[]).includes(operation))
      return fail(errors.unknownOperation(target));

    let input: unknown;
    try {
      // An empty body is an empty request; its required members then fail validation.
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return fail(errors.serialization('Unable to parse the request body as JSON.'));
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return fail(errors.serialization('The request body must be a JSON object.'));

    try {
      const result = await this.serialized(() => this.d.pool.run(operation as Operation, input as Record<string, unknown>));
      finish(200, result);
    } catch (error) {
      if (error instanceof CognitoError) return fail(error);
      this.d.log(`internal error in ${operation}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      fail(errors.internal());
    }
  }
}
