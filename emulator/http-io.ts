/**
 * The emulator's HTTP plumbing, the same for every endpoint: CORS for the pages the guard let
 * through, JSON and plain answers, and request bodies read up to a cap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** API bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

const EXPOSE_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date';
const DEFAULT_ALLOW_HEADERS =
  'amz-sdk-invocation-id, amz-sdk-request, authorization, cache-control, content-type, x-amz-content-sha256, x-amz-date, x-amz-security-token, x-amz-target, x-amz-user-agent';

/** CORS headers for an allowed page (the guard has already refused others). */
export function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  // Responses differ by Origin, so caches must keep them apart.
  res.setHeader('Vary', 'Origin');
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
}

/** Answers a CORS preflight (OPTIONS) from a page the guard let through. */
export function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  const asked = req.headers['access-control-request-headers'];
  res.setHeader('Access-Control-Allow-Headers', typeof asked === 'string' && asked !== '' ? asked : DEFAULT_ALLOW_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access preflight for a page calling a loopback server: granted
  // only when asked, and only to a page the guard let through.
  if (req.headers['access-control-request-private-network'] === 'true' && req.headers.origin !== undefined)
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  res.writeHead(204);
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A plain error outside the API (404, 405, 413 …). */
export function sendPlain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
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

/** The body, or null once a body over `MAX_BODY_BYTES` has been answered with 413 (and the connection closed). */
export async function readCappedBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    res.setHeader('connection', 'close');
    sendPlain(res, 413, `Request body larger than ${MAX_BODY_BYTES} bytes.`);
  }
  return body;
}
