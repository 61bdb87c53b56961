// Mocha's globals as @web/test-runner provides them in the browser (no @types/mocha is installed).
type MochaFn = (this: { timeout(ms: number): void }) => unknown;
declare function describe(title: string, fn: () => void): void;
declare const it: ((title: string, fn: MochaFn) => void) & { only(title: string, fn: MochaFn): void };
declare function before(fn: () => unknown): void;
declare function after(fn: () => unknown): void;
declare function beforeEach(fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;
