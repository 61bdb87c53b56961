import type { AccountState } from '../flow/account-state.js';

/**
 * The custom states a page styles the account element with (`:state(signed-out)`,
 * `:state(changing-email)`, `:state(busy)` …), from the flow's state.
 */
export function reflectAccountStates(states: CustomStateSet, s: AccountState): void {
  const on: Record<string, boolean> = {
    loading: s.status === 'loading',
    'signed-out': s.status === 'signed-out',
    'signed-in': s.status === 'signed-in',
    'changing-email': s.change !== null,
    confirming: s.confirm !== null,
    busy: s.busy !== null,
  };
  for (const [name, value] of Object.entries(on)) {
    if (value) states.add(name);
    else states.delete(name);
  }
}
