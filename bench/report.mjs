#!/usr/bin/env node
// Prints bench/results.json (or the file given) as Markdown tables, for docs/benchmark.md.
import { readFileSync } from 'node:fs';
import { machineLine, renderMarkdown } from './lib/report.mjs';

const file = process.argv[2] ?? new URL('./results.json', import.meta.url);
const results = JSON.parse(readFileSync(file, 'utf8'));
process.stdout.write(`Measured ${machineLine(results)}.\n\n${renderMarkdown(results)}`);
