// README.md's "API at a glance" names the whole public API of every element in the custom elements
// manifest (custom-elements.json, generated from the classes' JSDoc by the build): every attribute,
// public property and method, event, part, custom state, slot and CSS custom property. A new element
// fails these tests until its API is in README.md (docs/element.md and friends hold the detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Named {
  name?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  members?: Array<Named & { kind: string; privacy?: string; static?: boolean }>;
  events?: Named[];
  cssParts?: Named[];
  cssStates?: Named[];
  slots?: Named[];
  cssProperties?: Named[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: Array<{ declarations?: Declaration[] }>;
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const readme = readFileSync('README.md', 'utf8');
const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name).filter((n): n is string => !!n);

test('the manifest describes <passwordless-login>, and README.md has a section per element', () => {
  assert.ok(elements.some((d) => d.tagName === 'passwordless-login'), 'custom-elements.json declares the tag');
  const missing = elements.filter((d) => !readme.includes(`### \`<${d.tagName}>\``)).map((d) => d.tagName);
  assert.deepEqual(missing, [], 'README.md has a "### `<tag>`" heading for each element');
});

const groups: Array<[string, (d: Declaration) => string[], (name: string) => string]> = [
  ['attribute', (d) => names(d.attributes), (n) => `\`${n}\``],
  [
    'public property or method',
    (d) => names((d.members ?? []).filter((m) => !m.privacy && !m.static)),
    (n) => n,
  ],
  ['event', (d) => names(d.events), (n) => `\`${n}\``],
  ['part', (d) => names(d.cssParts), (n) => `\`${n}\``],
  ['custom state', (d) => names(d.cssStates), (n) => `:state(${n})`],
  ['slot', (d) => names(d.slots), (n) => `\`${n}\``],
  ['CSS custom property', (d) => names(d.cssProperties), (n) => `\`${n}\``],
];

for (const [kind, list, asWritten] of groups) {
  test(`README.md documents every ${kind} in the manifest`, () => {
    const all = elements.flatMap((d) => list(d).map((name) => ({ tag: d.tagName, name })));
    assert.ok(all.length > 0, `the manifest lists ${kind}s`);
    const missing = all.filter(({ name }) => !readme.includes(asWritten(name))).map(({ tag, name }) => `<${tag}> ${name}`);
    assert.deepEqual(missing, [], `README.md lacks these ${kind}s`);
  });
}
