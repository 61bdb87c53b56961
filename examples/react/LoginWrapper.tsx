import { useState } from 'react';
import { PasswordlessLogin } from 'passwordless-login/react';
import type { SessionUser } from 'passwordless-login';

export function Login() {
  const [user, setUser] = useState<SessionUser | null>(null);
  return user ? (
    <p>Signed in as {user.email}</p>
  ) : (
    <PasswordlessLogin
      userPoolId="eu-west-1_AbCdEf123"
      clientId="1example23456789abcdefghij"
      onSignedIn={(e) => setUser(e.detail.user)}
      onLoginError={(e) => console.warn(e.detail.code)}
    />
  );
}
