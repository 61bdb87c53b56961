/**
 * Which module runs each trigger. `triggers: true` means the production pool's triggers from
 * `infra/lambda/`: from the repository's TypeScript sources when the emulator itself runs from
 * source (tests, through tsx), or from the bundles the build puts beside the compiled emulator
 * (`dist/emulator/triggers/lambda/*.cjs`, made by scripts/build-triggers.mjs). The bundles carry the
 * AWS SDK's Cognito client inside, so the published package runs the same handler code without any
 * runtime dependency (the Lambda runtime provides the SDK in production).
 */
import { fileURLToPath } from 'node:url';
import type { EmulatorOptions, TriggerModules } from '../options.js';
import type { TriggerName } from './runner.js';

const FROM_SOURCE = import.meta.url.endsWith('.ts');

function module(name: 'custom-message' | 'seal-account'): string {
  const url = FROM_SOURCE
    ? new URL(`../../infra/lambda/${name}/index.ts`, import.meta.url)
    : new URL(`./lambda/${name}.cjs`, import.meta.url);
  return fileURLToPath(url);
}

/** The production pool's triggers (infra/): code emails, and the seal at confirmation and token time. */
export function productionTriggers(): Required<TriggerModules> {
  const seal = module('seal-account');
  return { customMessage: module('custom-message'), postConfirmation: seal, preTokenGeneration: seal };
}

const NAMES: Record<keyof TriggerModules, TriggerName> = {
  customMessage: 'CustomMessage',
  postConfirmation: 'PostConfirmation',
  preTokenGeneration: 'PreTokenGeneration',
};

/** The module of each trigger the options ask for, by Cognito's trigger name. */
export function triggerModules(options: EmulatorOptions): Partial<Record<TriggerName, string>> {
  const chosen: TriggerModules =
    options.triggers === true ? productionTriggers() : options.triggers ? { ...options.triggers } : {};
  if (options.customMessage !== undefined) chosen.customMessage = options.customMessage;
  const modules: Partial<Record<TriggerName, string>> = {};
  for (const [key, path] of Object.entries(chosen) as Array<[keyof TriggerModules, string | undefined]>) {
    if (path !== undefined) modules[NAMES[key]] = path;
  }
  return modules;
}
