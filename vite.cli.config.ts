// Builds the CLI (main/cli.ts) into one Node ESM file; npm dependencies stay external.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'main/cli.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'kubeville.js', format: 'es' },
    },
  },
});
