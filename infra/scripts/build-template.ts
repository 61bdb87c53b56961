// Writes the shipped CloudFormation template (`npm run template`): the CDK app's stack, synthesized
// offline, for those who deploy with `aws cloudformation deploy` or the console instead of CDK.
// test/template.test.ts fails when the committed file differs from a fresh synth.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SHIPPED_TEMPLATE_PATH, synthesizeTemplateText } from '../lib/template.js';

const text = synthesizeTemplateText();
writeFileSync(SHIPPED_TEMPLATE_PATH, text);
console.log(
  `wrote ${relative(process.cwd(), SHIPPED_TEMPLATE_PATH)} (${Buffer.byteLength(text)} bytes)`,
);
