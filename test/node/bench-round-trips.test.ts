// The benchmark's round-trip count (bench/lib/round-trips.mjs): requests that overlap in time are one
// wait, requests issued one after another's end are two. No browser: CDP events are fed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameCalls, chain, cognitoRequestLog, roundTrips } from '../../bench/lib/round-trips.mjs';

const r = (operation: string, start: number, end: number, status = 200) => ({ id: operation, operation, start, end, wallStart: start, status });

test('sequential requests are one round trip each', () => {
  const requests = [r('SignUp', 0, 10, 400), r('InitiateAuth', 11, 20), r('RespondToAuthChallenge', 500, 510)];
  assert.equal(roundTrips(requests).count, 3);
  assert.equal(chain(requests), 'SignUp!400 → InitiateAuth → RespondToAuthChallenge');
});

test('a request issued the moment the previous one finished is still a second wait', () => {
  assert.equal(roundTrips([r('A', 0, 10), r('B', 10, 20)]).count, 2);
});

test('overlapping requests count once, in any order of issue and end', () => {
  // The flow issue 13 asks for: the SignUp probe and InitiateAuth in flight together.
  const parallel = [r('SignUp', 0, 12, 400), r('InitiateAuth', 1, 9), r('RespondToAuthChallenge', 300, 310)];
  assert.equal(roundTrips(parallel).count, 2);
  assert.equal(chain(parallel), 'SignUp!400 + InitiateAuth → RespondToAuthChallenge');
  assert.equal(roundTrips([r('A', 0, 100), r('B', 0, 100), r('C', 50, 60)]).count, 1);
});

test('the count is the longest chain, not the number of overlapping clusters', () => {
  // A overlaps B and C, but C was issued after B had finished: B then C is a chain of two waits,
  // which is what the page waits on whatever A does (merging overlaps into clusters would say 1).
  const requests = [r('A', 0, 100), r('B', 1, 20), r('C', 30, 120)];
  assert.equal(roundTrips(requests).count, 2);
  assert.equal(chain(requests), 'A + B → C');
  // A long request under a chain of three short ones: three waits.
  assert.equal(roundTrips([r('L', 0, 1000), r('a', 1, 2), r('b', 3, 4), r('c', 5, 6)]).count, 3);
});

test('no request, no round trip; one that never finished overlaps everything after it', () => {
  assert.equal(roundTrips([]).count, 0);
  assert.equal(chain([]), '');
  assert.equal(roundTrips([r('A', 0, Infinity), r('B', 50, 60), r('C', 70, 80)]).count, 2);
});

test('the log keeps Cognito calls to the endpoint, with CDP timings, and leaves out preflights and other requests', async () => {
  const log = cognitoRequestLog('http://127.0.0.1:9000/');
  const sent = (requestId: string, method: string, url: string, headers: Record<string, string>, t: number) =>
    log.event('Network.requestWillBeSent', { requestId, request: { method, url, headers }, timestamp: t, wallTime: 1_700_000_000 + t });
  const target = { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp' };
  sent('p', 'OPTIONS', 'http://127.0.0.1:9000/', target, 1.0);
  sent('1', 'POST', 'http://127.0.0.1:9000/', target, 1.0);
  sent('2', 'POST', 'http://127.0.0.1:9000/', { 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' }, 1.001);
  sent('3', 'POST', 'http://127.0.0.1:9001/', target, 1.002); // another origin
  sent('4', 'GET', 'http://127.0.0.1:9000/_emulator/messages', {}, 1.003); // no target
  log.event('Network.responseReceived', { requestId: '1', response: { status: 400 } });
  log.event('Network.loadingFinished', { requestId: '1', timestamp: 1.012 });
  let settled = false;
  const waiting = log.settled(2000).then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(settled, false, 'InitiateAuth is still in flight');
  log.event('Network.responseReceived', { requestId: '2', response: { status: 200 } });
  log.event('Network.loadingFinished', { requestId: '2', timestamp: 1.009 });
  await waiting;
  const requests = log.requests();
  assert.deepEqual(
    requests.map((x) => [x.operation, x.status, Math.round(x.start), Math.round(x.end), Math.round(x.wallStart)]),
    [
      ['SignUp', 400, 1000, 1012, 1_700_000_001_000],
      ['InitiateAuth', 200, 1001, 1009, 1_700_000_001_001],
    ],
  );
  assert.equal(roundTrips(requests).count, 1);
  log.clear();
  assert.deepEqual(log.requests(), []);
});

test('a request that failed without an answer is counted, with status 0', () => {
  const log = cognitoRequestLog('http://127.0.0.1:9000/');
  log.event('Network.requestWillBeSent', {
    requestId: '1',
    request: { method: 'POST', url: 'http://127.0.0.1:9000/', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' } },
    timestamp: 2,
    wallTime: 2,
  });
  log.event('Network.loadingFailed', { requestId: '1', timestamp: 2.5 });
  assert.equal(chain(log.requests()), 'InitiateAuth!0');
});

test('the browser and the emulator must agree on the calls made', () => {
  assertSameCalls([r('SignUp', 0, 1, 400), r('InitiateAuth', 0, 1)], ['InitiateAuth', 'SignUp!400']);
  assert.throws(() => assertSameCalls([r('InitiateAuth', 0, 1)], ['InitiateAuth', 'SignUp!400']), /emulator served/);
  assert.throws(() => assertSameCalls([r('SignUp', 0, 1)], ['SignUp!400']), /emulator served/);
});
