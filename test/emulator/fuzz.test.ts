// Property-based: the emulator under arbitrary malformed requests (fast-check). It never crashes,
// never answers 500, answers every API call with a Cognito-shaped error (or 200 for what happens to
// be well-formed), answers other paths with the documented 404/405/413, and its state stays
// consistent: the user created beforehand still signs in, no user or mail comes from a refused call.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { GetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand, ConfirmSignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { OPERATIONS } from '../../emulator/operations/index.js';
import { MAX_BODY_BYTES } from '../../emulator/server.js';
import { harness, type Harness } from './helpers.js';

const PREFIX = 'AWSCognitoIdentityProviderService.';
/** FUZZ_SEED=<n> repeats a failing run (fast-check prints the seed and the shrunk counterexample). */
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

/** Every member each operation reads (see emulator/operations/), so wrong types reach each one. */
const FIELDS: Record<string, string[]> = {
  SignUp: ['ClientId', 'Username', 'Password', 'UserAttributes', 'ValidationData', 'ClientMetadata', 'SecretHash', 'UserContextData', 'AnalyticsMetadata'],
  ConfirmSignUp: ['ClientId', 'Username', 'ConfirmationCode', 'ForceAliasCreation', 'ClientMetadata', 'SecretHash', 'Session', 'UserContextData', 'AnalyticsMetadata'],
  ResendConfirmationCode: ['ClientId', 'Username', 'ClientMetadata', 'SecretHash', 'UserContextData', 'AnalyticsMetadata'],
  InitiateAuth: ['ClientId', 'AuthFlow', 'AuthParameters', 'ClientMetadata', 'Session', 'UserContextData', 'AnalyticsMetadata'],
  RespondToAuthChallenge: ['ClientId', 'ChallengeName', 'ChallengeResponses', 'Session', 'ClientMetadata', 'UserContextData', 'AnalyticsMetadata'],
  GetTokensFromRefreshToken: ['ClientId', 'RefreshToken', 'ClientSecret', 'DeviceKey', 'ClientMetadata'],
  GetUser: ['AccessToken'],
  GlobalSignOut: ['AccessToken'],
  RevokeToken: ['Token', 'ClientId', 'ClientSecret', 'ClientMetadata'],
  DeleteUser: ['AccessToken'],
  UpdateUserAttributes: ['AccessToken', 'UserAttributes', 'ClientMetadata'],
  GetUserAttributeVerificationCode: ['AccessToken', 'AttributeName', 'ClientMetadata'],
  VerifyUserAttribute: ['AccessToken', 'AttributeName', 'Code'],
  StartWebAuthnRegistration: ['AccessToken'],
  CompleteWebAuthnRegistration: ['AccessToken', 'Credential'],
  ListWebAuthnCredentials: ['AccessToken', 'NextToken', 'MaxResults'],
  DeleteWebAuthnCredential: ['AccessToken', 'CredentialId'],
  ForgotPassword: ['ClientId', 'Username', 'SecretHash', 'ClientMetadata', 'UserContextData', 'AnalyticsMetadata'],
  ConfirmForgotPassword: ['ClientId', 'Username', 'ConfirmationCode', 'Password', 'SecretHash', 'ClientMetadata', 'UserContextData', 'AnalyticsMetadata'],
  // Unsigned, as this test sends them: refused before anything is read (MissingAuthenticationToken).
  AdminGetUser: ['UserPoolId', 'Username'],
  AdminCreateUser: ['UserPoolId', 'Username', 'UserAttributes', 'ValidationData', 'TemporaryPassword', 'ForceAliasCreation', 'MessageAction', 'DesiredDeliveryMediums', 'ClientMetadata'],
  AdminDeleteUser: ['UserPoolId', 'Username'],
  AdminConfirmSignUp: ['UserPoolId', 'Username', 'ClientMetadata'],
  AdminSetUserPassword: ['UserPoolId', 'Username', 'Password', 'Permanent'],
  AdminUpdateUserAttributes: ['UserPoolId', 'Username', 'UserAttributes', 'ClientMetadata'],
  AdminDeleteUserAttributes: ['UserPoolId', 'Username', 'UserAttributeNames'],
  AdminUserGlobalSignOut: ['UserPoolId', 'Username'],
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const KNOWN = 'fuzz-known@example.com';

describe('fuzzing the emulator with malformed requests', () => {
  let h: Harness;
  let clientId: string;
  let accessToken: string;
  const dir = mkdtempSync(join(tmpdir(), 'emulator-fuzz-'));
  const dataFile = join(dir, 'pool.json');
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  /** Usernames of SignUp calls answered 200 (the only way a user may appear). */
  const signedUp = new Set<string>([KNOWN]);
  const types = new Map<string, number>();
  let outboxSize = 0;
  let closed = false;

  const send = (method: string, path: string, headers: Record<string, string>, body?: Buffer | string) =>
    new Promise<Answer>((resolve, reject) => {
      const url = new URL(h.emulator.endpoint);
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  const outbox = async () => (await (await fetch(`${h.emulator.endpoint}/_emulator/messages`)).json()) as Array<{ to: string }>;

  before(async () => {
    h = await harness({ dataFile, codeSendLimit: null });
    clientId = h.emulator.clientId;
    await h.client.send(new SignUpCommand({ ClientId: clientId, Username: KNOWN }));
    const { Session } = await h.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: KNOWN, ConfirmationCode: await h.lastCode(KNOWN, 'sign-up') }));
    const r = await h.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: KNOWN }, Session }));
    accessToken = r.AuthenticationResult!.AccessToken!;
    outboxSize = (await outbox()).length;
  });
  after(async () => {
    agent.destroy();
    if (!closed) await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Checks one API answer; returns the parsed error type or 'OK'. */
  function checkApiAnswer(answer: Answer, bodyBytes: number): string {
    assert.notEqual(answer.status, 500, `500 without an injected fault: ${answer.text}`);
    if (answer.status === 413) {
      assert.ok(bodyBytes > MAX_BODY_BYTES, `413 for ${bodyBytes} bytes`);
      assert.equal(typeof (JSON.parse(answer.text) as { message: unknown }).message, 'string');
      return '413';
    }
    assert.ok(bodyBytes <= MAX_BODY_BYTES, `${bodyBytes} bytes accepted`);
    assert.equal(answer.headers['content-type'], 'application/x-amz-json-1.1');
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    if (answer.status === 200) return 'OK';
    assert.equal(answer.status, 400, answer.text);
    assert.deepEqual(Object.keys(body).sort(), ['__type', 'message']);
    assert.equal(typeof body.__type, 'string');
    assert.match(body.__type as string, /^[A-Za-z]+Exception$/);
    assert.equal(typeof body.message, 'string');
    assert.equal(answer.headers['x-amzn-errortype'], body.__type);
    return body.__type as string;
  }

  // ---- arbitraries -----------------------------------------------------------------------------

  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const plausible = fc.constantFrom(
    KNOWN, KNOWN.toUpperCase(), 'fuzz-new@example.com', 'USER_AUTH', 'REFRESH_TOKEN_AUTH', 'USER_PASSWORD_AUTH', 'EMAIL_OTP',
    'SELECT_CHALLENGE', 'PASSWORD', 'AYABnot-a-session.x', 'AYAB', '12345678', '123456', '', ' ', 'null', 'a@b', 'eyJ.eyJ.sig',
  );
  const hugeString = fc.integer({ min: 1, max: 36_000 }).map((n) => 'ü'.repeat(n));
  const anyValue: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: plausible },
    { weight: 2, arbitrary: fc.constant(undefined).map(() => clientId) },
    { weight: 3, arbitrary: fc.string() },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 20 }) },
    { weight: 1, arbitrary: hugeString },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }) },
  );
  const paramMap = fc.dictionary(
    fc.oneof(fc.constantFrom('USERNAME', 'PREFERRED_CHALLENGE', 'EMAIL_OTP_CODE', 'ANSWER', 'REFRESH_TOKEN', 'PASSWORD', 'SECRET_HASH', 'SRP_A', 'PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP'), fc.string({ maxLength: 10 })),
    anyValue,
    { maxKeys: 4 },
  );
  const attributeList = fc.array(
    fc.oneof(fc.record({ Name: fc.oneof(fc.constantFrom('email', 'locale', 'sub', 'custom:x', 'email_verified', 'nope'), anyValue), Value: anyValue }, { requiredKeys: [] }), anyValue),
    { maxLength: 4 },
  );
  const fieldValue = (field: string): fc.Arbitrary<unknown> =>
    ['AuthParameters', 'ChallengeResponses', 'ClientMetadata'].includes(field)
      ? fc.oneof({ weight: 3, arbitrary: paramMap }, { weight: 1, arbitrary: anyValue })
      : ['UserAttributes', 'ValidationData'].includes(field)
        ? fc.oneof({ weight: 3, arbitrary: attributeList }, { weight: 1, arbitrary: anyValue })
        : anyValue;

  const operation = fc.constantFrom(...OPERATIONS);
  /** An object with some of the operation's members, each of any type, plus junk members. */
  const objectFor = (op: string) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(FIELDS[op]!.map((f) => [f, fieldValue(f)])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 }),
      )
      .map(([known, junk]) => ({ ...junk, ...known }));
  /** A well-formed request for each operation, to be broken one or two members at a time. */
  const email = fc.oneof(fc.constantFrom(KNOWN, KNOWN.toUpperCase()), fc.emailAddress());
  const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
  // Read when drawn: the token exists only once `before` has run.
  const signedIn = fc.constant(undefined).map(() => accessToken);
  const session = fc.oneof(fc.constant('AYABnot-a-session.x'), fc.base64String({ maxLength: 40 }).map((b) => `AYAB${b}.${b}`));
  const wellFormed: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    SignUp: fc.record({ Username: email, UserAttributes: fc.constant([{ Name: 'locale', Value: 'de' }]) }),
    ConfirmSignUp: fc.record({ Username: email, ConfirmationCode: digits(6) }),
    ResendConfirmationCode: fc.record({ Username: email }),
    InitiateAuth: fc.record({
      AuthFlow: fc.constantFrom('USER_AUTH', 'REFRESH_TOKEN_AUTH'),
      AuthParameters: fc.record({ USERNAME: email, PREFERRED_CHALLENGE: fc.constantFrom('EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP', 'SMS_OTP', 'WEB_AUTHN'), SRP_A: fc.constantFrom('0', 'abc123', 'zz'), REFRESH_TOKEN: fc.string() }, { requiredKeys: ['USERNAME'] }),
    }),
    RespondToAuthChallenge: fc.record({
      ChallengeName: fc.constantFrom('EMAIL_OTP', 'SELECT_CHALLENGE', 'WEB_AUTHN', 'PASSWORD_VERIFIER'),
      Session: session,
      ChallengeResponses: fc.record({ USERNAME: email, EMAIL_OTP_CODE: digits(8), ANSWER: fc.constant('EMAIL_OTP') }),
    }),
    GetTokensFromRefreshToken: fc.record({ RefreshToken: fc.string({ minLength: 1 }) }),
    GetUser: fc.record({ AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x') }),
    GlobalSignOut: fc.record({ AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x') }),
    RevokeToken: fc.record({ Token: fc.string({ minLength: 1 }) }),
    DeleteUser: fc.record({ AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x') }),
    UpdateUserAttributes: fc.record({
      AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x'),
      UserAttributes: fc.constant([{ Name: 'email', Value: 'fuzz-new@example.com' }]),
    }),
    GetUserAttributeVerificationCode: fc.record({ AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x'), AttributeName: fc.constant('email') }),
    VerifyUserAttribute: fc.record({ AccessToken: fc.constantFrom('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'x'), AttributeName: fc.constant('email'), Code: digits(6) }),
    // The known user's real token, so malformed credentials, page sizes and ids reach the passkey code.
    StartWebAuthnRegistration: fc.record({ AccessToken: signedIn }),
    CompleteWebAuthnRegistration: fc.record({
      AccessToken: signedIn,
      Credential: fc.record({ id: fc.string(), rawId: fc.string(), type: fc.constantFrom('public-key', 'x'), response: fc.record({ clientDataJSON: fc.base64String(), attestationObject: fc.base64String() }) }),
    }),
    ListWebAuthnCredentials: fc.record({ AccessToken: signedIn, MaxResults: fc.integer({ min: -5, max: 25 }), NextToken: fc.base64String({ maxLength: 40 }) }, { requiredKeys: ['AccessToken'] }),
    DeleteWebAuthnCredential: fc.record({ AccessToken: signedIn, CredentialId: fc.string({ minLength: 1 }) }),
    ForgotPassword: fc.record({ Username: email }),
    ConfirmForgotPassword: fc.record({ Username: email, ConfirmationCode: digits(6), Password: fc.constant('Pa55word!x') }),
    ...Object.fromEntries(
      ['AdminGetUser', 'AdminDeleteUser', 'AdminConfirmSignUp', 'AdminUserGlobalSignOut'].map((op) => [op, fc.record({ Username: email })]),
    ),
    AdminCreateUser: fc.record({ Username: email, MessageAction: fc.constant('SUPPRESS') }),
    AdminSetUserPassword: fc.record({ Username: email, Password: fc.constant('Pa55word!x'), Permanent: fc.constant(true) }),
    AdminUpdateUserAttributes: fc.record({ Username: email, UserAttributes: fc.constant([{ Name: 'locale', Value: 'fr' }]) }),
    AdminDeleteUserAttributes: fc.record({ Username: email, UserAttributeNames: fc.constant(['locale']) }),
  };
  /** The well-formed request with up to two members replaced by anything (or removed). */
  const broken = (op: string) =>
    fc
      .tuple(
        wellFormed[op]!,
        fc.array(fc.tuple(fc.constantFrom(...FIELDS[op]!), fc.option(fieldValue('x'), { nil: undefined })), { maxLength: 2 }),
      )
      .map(([base, changes]) => {
        const o: Record<string, unknown> = { ...(FIELDS[op]!.includes('ClientId') ? { ClientId: clientId } : {}), ...base };
        for (const [field, value] of changes) {
          if (value === undefined) delete o[field];
          else o[field] = value;
        }
        return o;
      });
  const body = (op: string) =>
    fc.oneof(
      { weight: 6, arbitrary: broken(op).map((o) => JSON.stringify(o)) },
      { weight: 5, arbitrary: objectFor(op).map((o) => JSON.stringify(o) ?? '') },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? '') },
      { weight: 1, arbitrary: objectFor(op).chain((o) => fc.nat().map((n) => (JSON.stringify(o) ?? '').slice(0, n % 60))) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '1e999', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', `{"a":${'['.repeat(5000)}`) },
      { weight: 1, arbitrary: fc.integer({ min: MAX_BODY_BYTES - 20, max: MAX_BODY_BYTES + 100 }).map((n) => `{"ClientId":"${'x'.repeat(n)}"}`) },
    );
  const target = (op: string) =>
    fc.oneof(
      { weight: 10, arbitrary: fc.constant(`${PREFIX}${op}`) },
      { weight: 1, arbitrary: fc.constant(op) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, '', PREFIX, `${PREFIX}AdminCreateUser`, 'DynamoDB_20120810.GetItem', `${PREFIX.toLowerCase()}${op}`, `${PREFIX}${op} `) },
      { weight: 1, arbitrary: printable },
    );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/x-amz-json-1.1') },
    { weight: 2, arbitrary: fc.constantFrom('application/x-amz-json-1.0', 'application/json', 'application/json; charset=utf-8', 'APPLICATION/X-AMZ-JSON-1.1', undefined, '', 'text/plain', 'multipart/form-data; boundary=x') },
    { weight: 1, arbitrary: printable },
  );
  const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'content-type', 'x-amz-target', 'expect', 'upgrade', 'keep-alive', 'te', 'trailer']);
  const extraHeaders = fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((n) => !RESERVED.has(n)),
    printable.map((v) => v.trim()),
    { maxKeys: 4 },
  );
  const apiCall = operation.chain((op) => fc.record({ op: fc.constant(op), target: target(op), contentType, headers: extraHeaders, body: body(op) }));

  // ---- properties ------------------------------------------------------------------------------

  it('every API call gets 200, a Cognito-shaped 400 or a 413 for an oversized body; refused calls change nothing', async (t) => {
    await fc.assert(
      fc.asyncProperty(apiCall, async (call) => {
        const headers: Record<string, string> = { ...call.headers };
        if (call.target !== undefined) headers['x-amz-target'] = call.target;
        if (call.contentType !== undefined) headers['content-type'] = call.contentType;
        const bytes = Buffer.from(call.body, 'utf8');
        const answer = await send('POST', '/', headers, bytes);
        const type = checkApiAnswer(answer, bytes.length);
        types.set(type, (types.get(type) ?? 0) + 1);
        const mails = (await outbox()).length;
        if (type === 'OK') {
          if (call.op === 'SignUp') signedUp.add(String((JSON.parse(call.body) as { Username: unknown }).Username));
        } else assert.equal(mails, outboxSize, `a refused ${call.op} (${type}) sent mail`);
        outboxSize = mails;
      }),
      params(500),
    );
    t.diagnostic(`answers: ${JSON.stringify(Object.fromEntries(types))}`);
    // The generator must reach past the front door into the operations, or the test proves little.
    for (const expected of ['OK', 'SerializationException', 'InvalidParameterException', 'UnknownOperationException', 'NotAuthorizedException', '413'])
      assert.ok((types.get(expected) ?? 0) > 0, `no ${expected} in ${JSON.stringify([...types])}`);
    const deep = ['UsernameExistsException', 'CodeMismatchException', 'ResourceNotFoundException', 'InvalidPasswordException', 'LimitExceededException'];
    assert.ok(deep.some((type) => (types.get(type) ?? 0) > 0), `no answer from inside an operation in ${JSON.stringify([...types])}`);
  });

  it('random methods and paths get the documented 2xx/404/405/413, never 500', async () => {
    const hooks = ['/_emulator/messages', '/_emulator/requests', '/_emulator/faults'];
    const path = fc.oneof(
      fc.constantFrom('/', ...hooks, '/_emulator/', '/_emulator/messages/x', `/${h.emulator.userPoolId}/.well-known/jwks.json`, `/${h.emulator.userPoolId}/.well-known/openid-configuration`, '/us-east-1_Other/.well-known/jwks.json', '//', '/%00', '/..%2f..%2fetc%2fpasswd', '/%E2%80%AE', '/a?b=%zz', '*'),
      fc.array(fc.string({ unit: fc.constantFrom(...'abc_-.%0123456789~!$&()*+,;=:@'.split('')), maxLength: 12 }), { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
      fc.tuple(fc.constantFrom('/', ...hooks), printable).map(([p, q]) => `${p}?${encodeURIComponent(q)}`),
    );
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO');
    await fc.assert(
      fc.asyncProperty(method, path, extraHeaders, fc.option(fc.string({ maxLength: 100 })), async (m, p, headers, payload) => {
        // Changing the test hooks (emptying the outbox, turning faults on) is not malformed input.
        // Where the server routes it: URL parsing resolves dot segments (`/.` is `/`).
        const routed = new URL(`http://x${p.startsWith('/') ? '' : '/'}${p}`).pathname;
        fc.pre(!(hooks.includes(routed) && ['DELETE', 'PUT', 'POST'].includes(m)));
        const answer = await send(m, p, headers, m === 'GET' || m === 'HEAD' || payload === null ? undefined : payload);
        assert.notEqual(answer.status, 500, `${m} ${p}: ${answer.text}`);
        assert.ok([200, 204, 400, 404, 405, 413].includes(answer.status), `${m} ${p}: ${answer.status}`);
        if ((answer.status === 404 || answer.status === 405) && m !== 'HEAD') assert.equal(typeof (JSON.parse(answer.text) as { message: unknown }).message, 'string');
        if (answer.status === 405) assert.ok(answer.headers.allow, 'a 405 says what is allowed');
        // Outside the API a 400 comes only from Node's HTTP parser (a method or target it cannot
        // parse, e.g. FOO or *): the bare answer of the server's clientError handler.
        if (answer.status === 400 && routed !== '/') assert.equal(answer.text, '', `400 with a body outside the API: ${m} ${p}`);
        if (m === 'POST' && routed === '/' && p.startsWith('/') && answer.status !== 400) assert.fail(`POST / answered ${answer.status}`);
      }),
      params(250),
    );
  });

  it('garbage on the socket gets at most a 400 and the server keeps answering', async () => {
    const url = new URL(h.emulator.endpoint);
    const junk = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
      fc.string({ maxLength: 200 }).map((s) => Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\n${s}\r\n\r\n`)),
      fc.nat({ max: 1_000_000 }).map((n) => Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${n}\r\nContent-Length: 1\r\n\r\n{`)),
      fc.constant(Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX: ${'y'.repeat(20_000)}\r\n\r\n`)),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (bytes) => {
        const reply = await new Promise<string>((resolve) => {
          const socket = connect(Number(url.port), url.hostname);
          let text = '';
          socket.on('data', (c) => (text += c.toString('latin1')));
          socket.on('error', () => resolve(text));
          socket.on('close', () => resolve(text));
          socket.write(bytes);
          setTimeout(() => socket.end(), 20);
        });
        if (reply !== '') {
          assert.match(reply, /^HTTP\/1\.1 \d{3} /);
          assert.doesNotMatch(reply, /^HTTP\/1\.1 5/);
        }
        assert.equal((await fetch(h.emulator.jwksUri)).status, 200);
      }),
      params(60),
    );
  });

  it('afterwards the state is consistent: the known user signs in, every user and mail comes from an accepted call', async () => {
    // The request log never shows a 500.
    const log = (await (await fetch(`${h.emulator.endpoint}/_emulator/requests`)).json()) as Array<{ status: number }>;
    assert.ok(log.length > 500);
    assert.deepEqual(log.filter((r) => r.status >= 500), []);
    // The user from before still works: its token, and a fresh EMAIL_OTP sign-in.
    const user = await h.client.send(new GetUserCommand({ AccessToken: accessToken }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'email')?.Value, KNOWN);
    const start = await h.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: KNOWN, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }));
    const done = await h.client.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: start.Session, ChallengeResponses: { USERNAME: KNOWN, EMAIL_OTP_CODE: await h.lastCode(KNOWN, 'sign-in') } }),
    );
    assert.ok(done.AuthenticationResult?.AccessToken);
    // Every mail went to a user that exists.
    const mails = await outbox();
    await h.close();
    closed = true;
    const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { users: Array<{ username: string; status: string }> };
    const usernames = state.users.map((u) => u.username).sort();
    assert.deepEqual(usernames, [...signedUp].sort(), 'exactly the users of accepted SignUp calls');
    assert.equal(state.users.find((u) => u.username === KNOWN)?.status, 'CONFIRMED');
    const lower = new Set(usernames.map((u) => u.toLowerCase()));
    for (const mail of mails) assert.ok(lower.has(mail.to.toLowerCase()), `mail to ${mail.to}, who is no user`);
  });
});
