// Mistakes the typings catch: each line below must be a type error (tsc fails on an unused directive).
import 'passwordless-login';
import { PasswordlessLogin } from 'passwordless-login/react';

// @ts-expect-error: sign-up is 'auto' or 'off'
export const wrongValue = <passwordless-login sign-up="bogus" />;
// @ts-expect-error: token-storage is 'local', 'session' or 'memory'
export const wrongStorage = <passwordless-login token-storage={42} />;
// @ts-expect-error: the signed-in detail has no such field
export const wrongDetail = <passwordless-login onsigned-in={(e) => e.detail.nope} />;
// @ts-expect-error: the wrapper's signUp is typed too
export const wrongWrapper = <PasswordlessLogin signUp="bogus" />;
