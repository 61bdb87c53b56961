import { useState } from 'preact/hooks';
import 'passwordless-login';
import type { SessionUser } from 'passwordless-login';

export function Login() {
  const [user, setUser] = useState<SessionUser | null>(null);
  return user ? (
    <p>Signed in as {user.email}</p>
  ) : (
    <passwordless-login
      user-pool-id="eu-west-1_AbCdEf123"
      client-id="1example23456789abcdefghij"
      onsigned-in={(e) => setUser(e.detail.user)}
    />
  );
}
