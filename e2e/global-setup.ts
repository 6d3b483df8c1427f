// The e2e tests run against the built renderer: say how to build it rather than fail obscurely.
import { existsSync } from 'node:fs';

export default function globalSetup(): void {
  if (!existsSync('out/renderer/index.html')) {
    throw new Error('out/renderer is missing: run `npm run build:app` (electron-vite build) before `npm run test:e2e`.');
  }
}
