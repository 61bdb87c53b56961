import type { FlowState } from './flow/login-flow.js';

/** The custom states a page styles the steps with (`:state(code)`, `:state(busy)`), from the flow's state. */
export function reflectStates(states: CustomStateSet, { step, busy }: FlowState): void {
  for (const name of ['email', 'code', 'signed-in'] as const) {
    if (name === step) states.add(name);
    else states.delete(name);
  }
  if (busy) states.add('busy');
  else states.delete('busy');
}
