// Mistakes the typings catch: each line below must be a type error (tsc fails on an unused directive).
import 'passwordless-login';

// @ts-expect-error: sign-up is 'auto' or 'off'
export const wrongValue = <passwordless-login attr:sign-up="bogus" />;
// @ts-expect-error: the signed-in detail has no such field
export const wrongDetail = <passwordless-login on:signed-in={(e) => e.detail.nope} />;
