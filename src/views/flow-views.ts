/**
 * The views only the sign-in flow can lead to: the code step and the signed-in view. The element
 * loads this module with the flow (the same chunk in the script-tag bundle), since neither can show
 * before the flow has arrived, so that the email step's bundle carries neither (test/node/size.test.ts).
 */
export { renderCodeStep, type CodeStepHandlers } from './code-step.js';
export { renderSignedInStep, type SignedInStepHandlers } from './signed-in-step.js';
