/**
 * The sign-in flow, loaded on demand with what only it leads to: the code step and the signed-in
 * view (views/flow-views.ts) and the rest of English (i18n/en-flow.ts). English's passkey strings
 * (i18n/en-passkeys.ts) come later still, when the flow asks for them beside passkey code. In the
 * script-tag bundle the flow's part is the auth chunk, so the email step renders without it.
 */
import type { FlowHost, LoginFlow } from './flow/login-flow.js';
import type { Messages } from './i18n/index.js';

export class FlowLoader {
  /** The flow, once it has arrived. */
  flow: LoginFlow | null = null;
  /** The code step and the signed-in view: they arrive with the flow, which alone leads to them. */
  views: typeof import('./views/flow-views.js') | null = null;
  /** English beyond en.ts, as it arrives: the table is complete whenever one of its strings is read. */
  english: Partial<Messages> = {};
  #loading: Promise<LoginFlow> | null = null;
  #module: () => Promise<typeof import('./flow/login-flow.js')>;
  #host: () => Omit<FlowHost, 'loadPasskeyStrings'>;
  #email: () => string;

  /** `module` loads the flow's module; `host` and `email` are asked for when it arrives. */
  constructor(
    module: () => Promise<typeof import('./flow/login-flow.js')>,
    host: () => Omit<FlowHost, 'loadPasskeyStrings'>,
    email: () => string,
  ) {
    this.#module = module;
    this.#host = host;
    this.#email = email;
  }

  /** The flow, created once its module and what comes with it have arrived; a failed load is tried again next time. */
  load(): Promise<LoginFlow> {
    this.#loading ??= Promise.all([
      this.#module(),
      import('./i18n/en-flow.js').then((m) => Object.assign(this.english, m.enFlow)),
      import('./views/flow-views.js').then((m) => (this.views = m)),
    ]).then(
      ([{ LoginFlow }]) => {
        const loadPasskeyStrings = () => import('./i18n/en-passkeys.js').then((m) => Object.assign(this.english, m.enPasskeys));
        return (this.flow = new LoginFlow({ ...this.#host(), loadPasskeyStrings }, this.#email()));
      },
      (error: unknown) => {
        this.#loading = null; // so that the next submit tries again
        throw error;
      },
    );
    return this.#loading;
  }
}
