// Bundles the integration suite (test/integration) into dist/test/integration/index.js, the
// extensionTestsPath that VS Code's extension host loads. mocha is bundled in too, so the bundle runs
// in any extension host (desktop Electron or code-server) whatever its Node's ESM support.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
await esbuild.build({
  entryPoints: [path.join(root, 'test/integration/index.ts')],
  outfile: path.join(root, 'dist/test/integration/index.js'),
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logOverride: { 'require-resolve-not-external': 'silent' },
  external: ['vscode'], logLevel: 'warning',
});
// The extension benchmark (bench/extension.mjs) runs through the same test-module mechanism.
await esbuild.build({
  entryPoints: [path.join(root, 'test/integration/bench.ts')],
  outfile: path.join(root, 'dist/test/integration/bench.js'),
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true,
  external: ['vscode'], logLevel: 'warning',
});
