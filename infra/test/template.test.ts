// The shipped CloudFormation template: in step with the CDK app, and deployable on its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SHIPPED_TEMPLATE_PATH, TEMPLATE_BODY_LIMIT_BYTES, synthesizeTemplateText } from '../lib/template.js';

const committed = readFileSync(SHIPPED_TEMPLATE_PATH, 'utf8');

describe('shipped template', () => {
  it('is exactly what the CDK app synthesizes now (run `npm --prefix infra run template` after a change)', () => {
    assert.equal(committed, synthesizeTemplateText());
  });

  it('fits in an inline template body, so `aws cloudformation deploy` needs no S3 bucket', () => {
    const bytes = Buffer.byteLength(committed);
    assert.ok(bytes < TEMPLATE_BODY_LIMIT_BYTES, `${bytes} bytes`);
  });

  it('references no CDK asset bucket, bootstrap parameter or SSM version', () => {
    assert.doesNotMatch(committed, /cdk-hnb659fds|AssetParameters|BootstrapVersion|S3Bucket|S3Key/);
    const template = JSON.parse(committed);
    assert.equal(typeof template.Resources[Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::Lambda::Function')!].Properties.Code.ZipFile, 'string');
  });
});
