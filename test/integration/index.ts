// The extensionTestsPath module: VS Code's extension host calls run() and reports its outcome
// (rejects = failures). The suites are bundled into this file (scripts/vscode/build-tests.mjs), so
// they are registered through mocha's pre-require hook instead of mocha.addFile().
import Mocha from 'mocha';
import { teeReport } from './reportTee';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.GW_TEST_GREP });
  teeReport(mocha, Mocha.reporters.Base);
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Order matters little: each suite opens what it needs and restores what it changes.
  require('./suites/activation.test');
  require('./suites/diagnostics.test');
  require('./suites/hover.test');
  require('./suites/codeActions.test');
  require('./suites/commands.test');
  require('./suites/sources.test');
  require('./suites/bibliography.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
