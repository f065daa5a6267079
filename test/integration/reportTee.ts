// Tees everything mocha's reporter prints to $GW_TEST_REPORT, then a plain "N passed, N failed, N skipped"
// line. Needed because in code-server's web workbench the extension host's console is not the shell's:
// scripts/vscode/run-tests.mjs prints this file when the run ends.
import * as fs from 'fs';
import * as util from 'util';
import type MochaType from 'mocha';

export function teeReport(mocha: MochaType, Base: typeof MochaType.reporters.Base): void {
  const report = process.env.GW_TEST_REPORT;
  if (!report) return;
  fs.writeFileSync(report, '');
  const orig = Base.consoleLog;
  Base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(report, util.format(...args) + '\n');
    orig.apply(console, args as []);
  };
  const run = mocha.run.bind(mocha);
  mocha.run = (fn?: (failures: number) => void) => {
    const runner = run((failures: number) => {
      const s = runner.stats;
      if (s) fs.appendFileSync(report, `${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`);
      fn?.(failures);
    });
    return runner;
  };
}
