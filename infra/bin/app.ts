// The CDK CLI's entry point (see cdk.json): `npm run synth`, `npm run deploy`.
import { createApp } from '../lib/app.js';

createApp().app.synth();
