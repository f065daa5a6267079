#!/usr/bin/env node
// The same integration suite through @vscode/test-electron's runTests, the standard way. Where VS Code
// can be downloaded it downloads and runs the desktop build; with GW_VSCODE_SHIM=1 (machines that
// cannot download it) runTests starts vscode-shim.sh instead, which runs the suite in code-server.
// VSCODE_EXECUTABLE=/path/to/code uses an installed VS Code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer.mjs';

const executable = process.env.VSCODE_EXECUTABLE || (process.env.GW_VSCODE_SHIM ? path.join(ROOT, 'scripts/vscode/vscode-shim.sh') : undefined);
// Tests edit the workspace: give them a copy.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-test-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist/test/integration/index'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('[test-electron] all integration tests passed');
} catch (e) {
  console.error('[test-electron] integration tests failed:', e?.message ?? e);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
