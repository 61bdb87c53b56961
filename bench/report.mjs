#!/usr/bin/env node
// Prints bench/results.json (or the file given) as Markdown tables. With --write, puts them into the
// docs instead: every table into docs/benchmark.md and the element-vs-Amplify-UI table into README.md,
// each between its markers (`<!-- bench:full -->` … `<!-- /bench:full -->`, `<!-- bench:peer -->` …
// `<!-- /bench:peer -->`), leaving the prose around them alone.
//
//   node bench/report.mjs [--write] [results.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, renderMarkdown, renderPeerMarkdown } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({ options: { write: { type: 'boolean', default: false } }, allowPositionals: true });
const results = JSON.parse(readFileSync(positionals[0] ?? new URL('./results.json', import.meta.url), 'utf8'));
const full = `Measured ${machineLine(results)}.\n\n${renderMarkdown(results)}`;

/** Replaces what is between `<!-- bench:name -->` and `<!-- /bench:name -->` in `file`. */
function fill(file, name, text) {
  const path = `${ROOT}${file}`;
  const doc = readFileSync(path, 'utf8');
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${file} has no ${open} … ${close} markers`);
  writeFileSync(path, `${doc.slice(0, start + open.length)}\n${text.trim()}\n${doc.slice(end)}`);
  process.stderr.write(`wrote the ${name} tables into ${file}\n`);
}

if (values.write) {
  fill('docs/benchmark.md', 'full', full);
  const peer = renderPeerMarkdown(results);
  if (!peer) throw new Error('these results have no Amplify UI figures');
  const { date, machine, peer: versions } = results;
  const when = `${date.slice(0, 10)} on ${machine.cores} cores, 1-min load average ${machine.loadAverageAtStart} before the run`;
  fill('README.md', 'peer', `${peer}\n${versions.package} ${versions.version} with React ${versions.react}; measured ${when}. Every figure, the machine and how each is taken: [benchmark](docs/benchmark.md).`);
} else {
  process.stdout.write(full);
}
