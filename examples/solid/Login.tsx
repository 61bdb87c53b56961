import { createSignal, Show } from 'solid-js';
import 'passwordless-login';
import type { SessionUser } from 'passwordless-login';

export function Login() {
  const [user, setUser] = createSignal<SessionUser | null>(null);
  return (
    <Show when={user()} fallback={
      <passwordless-login
        attr:user-pool-id="eu-west-1_AbCdEf123"
        attr:client-id="1example23456789abcdefghij"
        on:signed-in={(e) => setUser(e.detail.user)}
      />
    }>
      {(u) => <p>Signed in as {u().email}</p>}
    </Show>
  );
}
