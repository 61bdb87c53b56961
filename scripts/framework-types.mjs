#!/usr/bin/env node
// Framework typings, generated from the custom elements manifest for every element it declares:
//   dist/types/jsx.d.ts     JSX IntrinsicElements for React 19's bare tags, Preact and Solid
//                           (@wc-toolkit/jsx-types)
//   dist/types/vue.d.ts     Vue's GlobalComponents (custom-element-vuejs-integration)
//   dist/types/svelte.d.ts  Svelte 5's SvelteHTMLElements (svelte/elements), from jsx.d.ts's types
// Run by `npm run build` after the library's .d.ts files and custom-elements.json exist.
//
// The generators type an event's handler from the manifest's event type as if it were the event's
// `detail` (`CustomEvent<type>`), while our @fires tags name the event class (`SignedInEvent`). So
// the generators get a copy of the manifest in which each event's type is its class's `detail`
// type, read from `class X extends CustomEvent<Detail>` in src/; the shipped manifest is untouched.
// Vue's type checker matches a template's `sign-up="…"` and `@signed-in` to props named `signUp`
// and `onSignedIn` only, so the Vue generator gets camelCase attribute and PascalCase event names.
// custom-element-svelte-integration is not used: it writes Svelte 4 types (`svelteHTML`, `on:x`
// events, a JSX namespace Svelte does not have); Svelte 5 takes React-19-style `onx` props, which
// jsx.d.ts already types, so svelte.d.ts maps those onto svelte/elements for every element.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';

const OUT_DIR = 'dist/types';
/** Every class the generated files name is exported from the package's main entry. */
const TYPES_FROM = '../lib/register.js';

/** Event class name → its detail type's source text, from every `extends CustomEvent<…>` in src/. */
function eventDetails(dir = 'src') {
  const details = new Map();
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const path = join(dir, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const clause of node.heritageClauses ?? []) {
          const base = clause.types[0];
          if (base && base.expression.getText(source) === 'CustomEvent' && base.typeArguments?.length === 1) {
            details.set(node.name.text, base.typeArguments[0].getText(source));
          }
        }
      }
      node.forEachChild(visit);
    });
  }
  return details;
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

/** The manifest as the generators need it; fails on an event whose detail type is unknown. */
function forGenerators(manifest, details, eventType, { vueNames = false } = {}) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement) continue;
      // The analyzer also records `dispatchEvent(new X())` calls as nameless events; the @fires
      // tags already name them.
      declaration.events = (declaration.events ?? []).filter((event) => event.name);
      for (const event of declaration.events) {
        const detail = details.get(event.type?.text ?? '');
        if (!detail) {
          throw new Error(
            `<${declaration.tagName}> event "${event.name}": its @fires type (${event.type?.text}) must be a class that extends CustomEvent<Detail>`,
          );
        }
        event.type = { text: eventType(detail) };
      }
      // An attribute observed without a field of its own (`lang`) is the HTMLElement property of
      // the same name.
      for (const attribute of declaration.attributes ?? []) attribute.fieldName ??= attribute.name;
      if (vueNames) {
        for (const attribute of declaration.attributes ?? []) attribute.name = camel(attribute.name);
        for (const event of declaration.events) event.name = pascal(event.name);
      }
    }
  }
  return copy;
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const details = eventDetails();
const quiet = { outdir: OUT_DIR, globalTypePath: TYPES_FROM, hideLogs: true };

generateJsxTypes(forGenerators(manifest, details, (d) => `CustomEvent<${d}>`), {
  ...quiet,
  fileName: 'jsx.d.ts',
  stronglyTypedEvents: true,
});
generateVuejsTypes(forGenerators(manifest, details, (d) => d, { vueNames: true }), { ...quiet, fileName: 'vue.d.ts' });
// The generators import each element's types separately, so a type two elements share (the
// `signed-out` detail) is imported twice, which TypeScript refuses: one name per import.
for (const file of ['jsx.d.ts', 'vue.d.ts']) {
  const path = `${OUT_DIR}/${file}`;
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    text.replace(/import type \{([^}]*)\} from "([^"]+)";/g, (_, names, from) => {
      const unique = [...new Set(names.split(',').map((n) => n.trim()).filter(Boolean))];
      return `import type {\n${unique.map((n) => `  ${n},`).join('\n')}\n} from "${from}";`;
    }),
  );
}
writeFileSync(
  `${OUT_DIR}/svelte.d.ts`,
  `// Generated by scripts/framework-types.mjs: Svelte 5 types for every element in custom-elements.json.
import type { HTMLAttributes } from 'svelte/elements';
import type { CustomElements } from './jsx.js';

type Element<Tag> = Tag extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[Tag] : HTMLElement;

/** Svelte's own attributes for what every element has; the generated types for each element's own. */
type SvelteCustomElements = {
  [Tag in keyof CustomElements]: HTMLAttributes<Element<Tag>> &
    Omit<CustomElements[Tag], keyof HTMLAttributes<Element<Tag>>>;
};

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends SvelteCustomElements {}
}
`,
);
