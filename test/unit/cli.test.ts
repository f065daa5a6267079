// `groundwork check` and `groundwork search` as a user and CI run them: exit codes, stderr, and the
// text, JSON and SARIF formats. Most tests call main() in-process; a few spawn the bundled dist/cli.js
// (run `npm run build` first) to prove the bundle, the real exit status and the real stderr.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { Workspaces } from './support/workspace';
import { MINUTES } from './support/fixtures';

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'dist/cli.js');
const EXAMPLE = path.join(root, 'examples/newsroom');
const FLAGGED = ['unsupported', 'contradicted', 'misquote', 'disputed'];
const VERDICTS = ['supported', ...FLAGGED];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, cwd, (s) => out.push(s), (s) => err.push(s));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function spawn(argv: string[], cwd: string): Run {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const workspaces = new Workspaces('groundwork-cli-');
const workspace = (files: Record<string, string | Uint8Array>): string => workspaces.make(files);

// An astral character before a passage on the same line: source columns must count it as 2.
const REPORT =
  '---\ntitle: Engineering summary\n---\n\n# Kell Estuary Footbridge\n\n' +
  'The footbridge will be 140 metres long and built of weathering steel.\n\n' +
  'Pedestrian counts \u{1F6B6} matter. About 3,000 pedestrians will cross the bridge each day, the engineers estimate.\n';
const CLEAN = 'The council approved a budget of $8 million for the new footbridge. Construction is expected to start in June 2023.\n';
// Every flagged verdict except "disputed" (see the example workspace for that), one supported claim, a
// question, a heading; CRLF line ends, astral characters before a claim, a claim across a line break.
const MIXED =
  '# Notes\r\n\r\n' +
  '\u{1F389}\u{1F389} The footbridge will be 200 metres long. Construction is expected to start in June 2023.\r\n' +
  'Mayor Elena Ruiz said: "This bridge will join the old town to the harbor for the first time in fifty years."\r\n\r\n' +
  'The ferry will stop running next spring when the bridge opens to the public. Is it worth it?\r\n';

function basicWorkspace(extra: Record<string, string | Uint8Array> = {}): string {
  return workspace({ 'sources/minutes.txt': MINUTES, 'sources/report.md': REPORT, 'clean.md': CLEAN, 'mixed.md': MIXED, ...extra });
}

/** 0-based offset of a 1-based line and UTF-16 column; line breaks are \r\n, \n and lone \r, as in editors. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n|\n|\r/g;
    m.lastIndex = offset;
    const hit = m.exec(text);
    assert.ok(hit, `line ${line} exists`);
    offset = hit.index + hit[0].length;
  }
  const eol = text.slice(offset).search(/\r|\n/);
  assert.ok(column - 1 <= (eol < 0 ? text.length - offset : eol), `column ${column} is inside line ${line}`);
  return offset + column - 1;
}

interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function slice(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.line, r.column), offsetAt(text, r.endLine, r.endColumn));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---- The JSON report schema of the issue, checked key by key -------------------------------------

const isPos = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

function assertRange(r: Range, where: string): void {
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(isPos(r[k]), `${where}.${k} is a 1-based integer (${r[k]})`);
  assert.ok(r.endLine > r.line || (r.endLine === r.line && r.endColumn >= r.column), `${where} ends after it starts`);
}

function assertJsonReport(report: any): void {
  const top = Object.keys(report).sort();
  assert.deepEqual(top.filter((k) => k !== 'problems'), ['files', 'sources', 'version']);
  assert.equal(report.version, 1);
  assert.ok(Array.isArray(report.sources) && report.sources.length > 0);
  for (const s of report.sources) {
    assert.deepEqual(Object.keys(s).sort(), ['passages', 'path']);
    assert.equal(typeof s.path, 'string');
    assert.ok(Number.isInteger(s.passages) && s.passages > 0);
  }
  if ('problems' in report) for (const p of report.problems) assert.deepEqual(Object.keys(p).sort(), ['message', 'source']);
  assert.ok(Array.isArray(report.files));
  for (const f of report.files) {
    assert.deepEqual(Object.keys(f).sort(), ['claims', 'path']);
    for (const [i, c] of f.claims.entries()) {
      const where = `${f.path} claim ${i}`;
      const keys = Object.keys(c).filter((k) => k !== 'fixes' && k !== 'citations').sort();
      assert.deepEqual(keys, ['column', 'endColumn', 'endLine', 'evidence', 'line', 'message', 'text', 'verdict'], where);
      assertRange(c, where);
      assert.ok(VERDICTS.includes(c.verdict), `${where} verdict ${c.verdict}`);
      assert.equal(typeof c.text, 'string');
      assert.ok(c.text.length > 0);
      assert.equal(typeof c.message, 'string');
      assert.ok(c.message.length > 0);
      assert.ok(Array.isArray(c.evidence));
      for (const [j, e] of c.evidence.entries()) {
        assert.deepEqual(Object.keys(e).sort(), ['column', 'endColumn', 'endLine', 'line', 'score', 'source', 'text'], `${where} evidence ${j}`);
        assertRange(e, `${where} evidence ${j}`);
        assert.equal(typeof e.source, 'string');
        assert.ok(report.sources.some((s: { path: string }) => s.path === e.source), `${e.source} is a listed source`);
        assert.ok(typeof e.score === 'number' && e.score >= 0 && e.score <= 1, `score ${e.score} in [0, 1]`);
      }
    }
  }
}

// ---- A structural SARIF 2.1.0 validator (the parts GitHub code scanning reads) --------------------

function sarifErrors(log: any): string[] {
  const errors: string[] = [];
  const need = (ok: unknown, msg: string) => {
    if (!ok) errors.push(msg);
  };
  const isObj = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  const region = (r: any, where: string) => {
    need(isObj(r), `${where}: region is an object`);
    if (!isObj(r)) return;
    need(isPos(r.startLine), `${where}: startLine >= 1`);
    for (const k of ['startColumn', 'endLine', 'endColumn']) need(r[k] === undefined || isPos(r[k]), `${where}: ${k} >= 1`);
    if (isPos(r.endLine)) {
      need(r.endLine >= r.startLine, `${where}: endLine >= startLine`);
      if (r.endLine === r.startLine && r.endColumn !== undefined) need(r.endColumn >= r.startColumn, `${where}: endColumn >= startColumn`);
    }
  };
  const physical = (p: any, where: string) => {
    need(isObj(p), `${where}: physicalLocation`);
    if (!isObj(p)) return;
    need(isObj(p.artifactLocation) && typeof p.artifactLocation.uri === 'string' && p.artifactLocation.uri.length > 0, `${where}: artifactLocation.uri`);
    if (isObj(p.artifactLocation) && typeof p.artifactLocation.uri === 'string') {
      need(!/[\s\\]/.test(p.artifactLocation.uri), `${where}: uri has no spaces or backslashes`);
      need(/^[\w%./~!$&'()*+,;=:@-]+$/.test(p.artifactLocation.uri), `${where}: uri is a URI reference (${p.artifactLocation.uri})`);
    }
    region(p.region, where);
  };
  need(log?.version === '2.1.0', 'version is "2.1.0"');
  need(typeof log?.$schema === 'string' && /sarif.*2\.1\.0/.test(log.$schema), '$schema names SARIF 2.1.0');
  need(Array.isArray(log?.runs) && log.runs.length === 1, 'one run');
  const runObj = log?.runs?.[0];
  const driver = runObj?.tool?.driver;
  need(isObj(driver) && typeof driver.name === 'string' && driver.name.length > 0, 'tool.driver.name');
  const rules: any[] = Array.isArray(driver?.rules) ? driver.rules : [];
  need(Array.isArray(driver?.rules), 'tool.driver.rules is an array');
  const ids = rules.map((r) => r?.id);
  need(new Set(ids).size === ids.length, 'rule ids are unique');
  for (const [i, r] of rules.entries()) {
    need(typeof r?.id === 'string' && r.id.length > 0, `rules[${i}].id`);
    need(typeof r?.shortDescription?.text === 'string' && r.shortDescription.text.length > 0, `rules[${i}].shortDescription.text`);
    const lvl = r?.defaultConfiguration?.level;
    need(lvl === undefined || ['none', 'note', 'warning', 'error'].includes(lvl), `rules[${i}].defaultConfiguration.level`);
  }
  need(Array.isArray(runObj?.results), 'results is an array');
  for (const [i, res] of (runObj?.results ?? []).entries()) {
    const where = `results[${i}]`;
    need(typeof res?.ruleId === 'string' && ids.includes(res.ruleId), `${where}.ruleId names a rule`);
    if (res?.ruleIndex !== undefined) need(rules[res.ruleIndex]?.id === res.ruleId, `${where}.ruleIndex points at its rule`);
    need(['none', 'note', 'warning', 'error'].includes(res?.level), `${where}.level`);
    need(typeof res?.message?.text === 'string' && res.message.text.length > 0, `${where}.message.text`);
    need(Array.isArray(res?.locations) && res.locations.length >= 1, `${where}.locations`);
    for (const [j, l] of (res?.locations ?? []).entries()) physical(l?.physicalLocation, `${where}.locations[${j}]`);
    if (res?.relatedLocations !== undefined) {
      need(Array.isArray(res.relatedLocations), `${where}.relatedLocations is an array`);
      const rel: any[] = Array.isArray(res.relatedLocations) ? res.relatedLocations : [];
      const relIds = rel.map((l) => l?.id);
      need(new Set(relIds).size === relIds.length, `${where}.relatedLocations ids are unique`);
      for (const [j, l] of rel.entries()) {
        need(l?.id === undefined || (Number.isInteger(l.id) && l.id >= 0), `${where}.relatedLocations[${j}].id`);
        need(l?.message === undefined || typeof l.message.text === 'string', `${where}.relatedLocations[${j}].message.text`);
        physical(l?.physicalLocation, `${where}.relatedLocations[${j}]`);
      }
    }
  }
  return errors;
}

describe('groundwork CLI', () => {
  let savedNoColor: string | undefined;
  before(() => {
    // In-process runs share process.stdout; keep the text format free of colour codes even in a terminal.
    savedNoColor = process.env['NO_COLOR'];
    process.env['NO_COLOR'] = '1';
  });
  after(() => {
    if (savedNoColor === undefined) delete process.env['NO_COLOR'];
    else process.env['NO_COLOR'] = savedNoColor;
    workspaces.cleanup();
  });

  describe('cli: exit codes', () => {
    it('exits 0 when every claim is supported, and says so', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--sources', 'sources', 'clean.md'], ws);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^2 claims in 1 file: 2 supported, 0 unsupported, 0 contradicted, 0 misquote, 0 disputed \(2 sources, \d+ passages\)$/m);
      assert.match(r.stdout, /^no problems found$/m);
    });

    it('exits 1 when any claim is flagged', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--sources', 'sources', 'mixed.md'], ws);
      assert.equal(r.code, 1, r.stderr);
      const both = await run(['check', '--sources', 'sources', 'clean.md', 'mixed.md'], ws);
      assert.equal(both.code, 1, 'one flagged file among clean ones still fails');
    });

    const usage: [string, string[], RegExp][] = [
      ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
      ['an unknown option', ['check', '--frobnicate', 'clean.md'], /unknown option "--frobnicate"/],
      ['a bad --format', ['check', '--format', 'xml', 'clean.md'], /--format must be text, json or sarif, not "xml"/],
      ['--format without a value', ['check', 'clean.md', '--format'], /--format needs a value/],
      ['a bad --language', ['check', '--language', 'rst', 'clean.md'], /--language must be/],
      ['check without a FILE', ['check', '--sources', 'sources'], /check needs at least one FILE/],
      ['search without a QUERY', ['search', '--sources', 'sources'], /search needs a QUERY/],
      ['a bad --limit', ['search', '--limit', '0', 'bridge'], /--limit must be a positive whole number/],
      ['a missing draft', ['check', '--sources', 'sources', 'nope.md'], /draft not found: nope\.md/],
      ['a draft that is a folder', ['check', '--sources', 'sources', 'sources'], /sources is not a file/],
      ['a missing sources folder', ['check', '--sources', 'no-such-folder', 'clean.md'], /sources not found: no-such-folder/],
      ['--sources pointing to an empty folder', ['check', '--sources', 'empty', 'clean.md'], /no source files in empty/],
      ['--sources pointing to a folder with no source files', ['check', '--sources', 'other', 'clean.md'], /no source files in other/],
    ];
    for (const [name, argv, message] of usage) {
      it(`exits 2 with the reason on stderr for ${name}`, async () => {
        const ws = basicWorkspace({ 'other/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
        fs.mkdirSync(path.join(ws, 'empty'));
        const r = await run(argv, ws);
        assert.equal(r.code, 2, `exit code for ${argv.join(' ')}; stderr: ${r.stderr}`);
        assert.match(r.stderr, /^groundwork: /);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '', 'nothing on stdout');
      });
    }

    it('exits 2 for a draft that is not UTF-8 text', async () => {
      const ws = basicWorkspace({ 'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9, 0x2e]) });
      const r = await run(['check', '--sources', 'sources', 'latin1.txt'], ws);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^groundwork: .*draft latin1\.txt/);
      assert.equal(r.stdout, '');
    });

    it('prints help and the version with exit code 0', async () => {
      for (const flag of ['--help', '-h', 'help']) {
        const r = await run([flag], root);
        assert.equal(r.code, 0, flag);
        assert.match(r.stdout, /^Usage:\n {2}groundwork check \[--sources PATH\]\.\.\. \[--format text\|json\|sarif\]/, flag);
      }
      const sub = await run(['check', '--help'], root);
      assert.equal(sub.code, 0);
      assert.match(sub.stdout, /^Usage:/);
      const v = await run(['--version'], root);
      assert.equal(v.code, 0);
      assert.match(v.stdout, /^\d+\.\d+\.\d+(?:-[\w.]+)?$/);
    });

    it('the bundled dist/cli.js: real exit codes, reasons on stderr, the package version', () => {
      const ws = basicWorkspace();
      const ok = spawn(['check', '--sources', 'sources', 'clean.md'], ws);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stderr, '');
      assert.match(ok.stdout, /no problems found\n$/);
      const flagged = spawn(['check', '--sources', 'sources', 'mixed.md'], ws);
      assert.equal(flagged.code, 1, flagged.stderr);
      assert.match(flagged.stdout, /^mixed\.md:3:1 {2}contradicted {2}/m);
      const missing = spawn(['check', '--sources', 'sources', 'gone.md'], ws);
      assert.equal(missing.code, 2);
      assert.equal(missing.stdout, '');
      assert.equal(missing.stderr, 'groundwork: draft not found: gone.md\n');
      const badFormat = spawn(['check', '--format', 'yaml', 'clean.md'], ws);
      assert.equal(badFormat.code, 2);
      assert.match(badFormat.stderr, /--format must be text, json or sarif/);
      const version = spawn(['--version'], ws);
      assert.equal(version.code, 0);
      assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    });

    it('the bundled dist/cli.js reports an unreadable source on stderr, skips it and still checks', () => {
      const ws = basicWorkspace({ 'sources/scan.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
      const r = spawn(['check', '--sources', 'sources', 'clean.md'], ws);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, 'groundwork: skipped source sources/scan.txt: binary file (contains NUL bytes)\n');
      assert.match(r.stdout, /2 supported/);
    });
  });

  describe('cli: text format', () => {
    it('prints one `path:line:col  verdict  message` line per problem, then the summary', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--sources', 'sources', 'mixed.md'], ws);
      const lines = r.stdout.split('\n');
      const blank = lines.indexOf('');
      assert.ok(blank > 0, 'a blank line before the summary');
      const problems = lines.slice(0, blank);
      assert.deepEqual(problems.map((l) => /^(\S+):(\d+):(\d+) {2}(\w+) {2}(.+)$/.exec(l)?.slice(1, 5)), [
        ['mixed.md', '3', '1', 'contradicted'],
        ['mixed.md', '4', '1', 'misquote'],
        ['mixed.md', '6', '1', 'unsupported'],
      ]);
      assert.match(problems[0]!, /sources say 140 metres \(report\.md:7\); the draft says 200 metres$/);
      assert.match(problems[1]!, /the source says “This bridge will join the old town to the harbor for the first time in a century” \(minutes\.txt:5\)/);
      assert.match(problems[2]!, /no source says this/);
      assert.deepEqual(lines.slice(blank + 1), [
        `4 claims in 1 file: 1 supported, 1 unsupported, 1 contradicted, 1 misquote, 0 disputed (2 sources, ${passages(ws)} passages)`,
        '3 problems found',
      ]);
      assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour codes when NO_COLOR is set');
    });

    it('--all also lists supported claims, each with its best passage', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--all', '--sources', 'sources', 'clean.md'], ws);
      assert.equal(r.code, 0);
      const lines = r.stdout.split('\n');
      assert.match(lines[0]!, /^clean\.md:1:1 {2}supported {2}supported by minutes\.txt:3$/);
      assert.match(lines[1]!, /^ {4}minutes\.txt:3 {2}The council approved a budget of \$8 million for the new footbridge/);
      assert.match(lines[2]!, /^clean\.md:1:69 {2}supported {2}supported by minutes\.txt:7$/);
      assert.match(lines[3]!, /^ {4}minutes\.txt:7 {2}Construction is expected to start in June 2023/);
    });

    it('agrees with the JSON report on every claim position', async () => {
      const ws = basicWorkspace();
      const text = await run(['check', '--all', '--sources', 'sources', 'mixed.md'], ws);
      const json = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'mixed.md'], ws)).stdout);
      const fromText = text.stdout.split('\n').filter((l) => /^mixed\.md:/.test(l)).map((l) => l.split('  ').slice(0, 2).join('  '));
      const fromJson = json.files[0].claims.map((c: Range & { verdict: string }) => `mixed.md:${c.line}:${c.column}  ${c.verdict}`);
      assert.deepEqual(fromText, fromJson);
    });

    it('sums up several files', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--sources', 'sources', 'clean.md', 'mixed.md'], ws);
      assert.match(r.stdout, /^6 claims in 2 files: 3 supported, 1 unsupported, 1 contradicted, 1 misquote, 0 disputed /m);
    });
  });

  function passages(ws: string): number {
    // The count the engine reports, read back from the JSON format (so the text test does not hard-code it).
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--sources', 'sources', 'clean.md'], { cwd: ws, encoding: 'utf8' });
    return JSON.parse(r.stdout).sources.reduce((n: number, s: { passages: number }) => n + s.passages, 0);
  }

  describe('cli: JSON format', () => {
    it('matches the schema of the issue and lists every claim, supported ones included', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--format', 'json', '--sources', 'sources', 'clean.md', 'mixed.md'], ws);
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout);
      assertJsonReport(report);
      assert.equal('problems' in report, false, 'no problems field when every source was read');
      assert.deepEqual(report.sources.map((s: { path: string }) => s.path), ['sources/minutes.txt', 'sources/report.md']);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['clean.md', 'mixed.md']);
      assert.deepEqual(report.files[0].claims.map((c: { verdict: string }) => c.verdict), ['supported', 'supported']);
      assert.deepEqual(report.files[1].claims.map((c: { verdict: string; text: string }) => [c.verdict, c.text]), [
        ['contradicted', '\u{1F389}\u{1F389} The footbridge will be 200 metres long.'],
        ['supported', 'Construction is expected to start in June 2023.'],
        ['misquote', 'Mayor Elena Ruiz said: "This bridge will join the old town to the harbor for the first time in fifty years."'],
        ['unsupported', 'The ferry will stop running next spring when the bridge opens to the public.'],
      ]);
    });

    it('gives 1-based UTF-16 positions, end exclusive: slicing the draft gives the claim text (astral characters, CRLF)', async () => {
      const ws = basicWorkspace();
      const report = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'mixed.md'], ws)).stdout);
      const claims = report.files[0].claims;
      for (const c of claims) assert.equal(collapse(slice(MIXED, c)), c.text, `claim at ${c.line}:${c.column}`);
      // The second sentence of line 3 comes after two astral characters (4 UTF-16 code units, 2 code points).
      const second = claims[1];
      const line3 = MIXED.split('\r\n')[2]!;
      const prefix = line3.slice(0, line3.indexOf('Construction'));
      assert.notEqual([...prefix].length, prefix.length, 'the prefix really has astral characters');
      assert.deepEqual([second.line, second.column], [3, prefix.length + 1]);
      assert.equal(second.endColumn, line3.length + 1, 'end is exclusive: one past the final period');
      // No carriage return leaks into a claim and no claim ends on one.
      for (const c of claims) assert.doesNotMatch(c.text, /\r/);
    });

    it('keeps positions exact when a claim runs across a CRLF line break', async () => {
      const draft = 'Intro line with \u{1F30A} here.\r\nThe council approved a budget of $8 million for the new footbridge across\r\nthe Kell estuary. Construction is expected to start in June 2023.\r\n';
      const ws = basicWorkspace({ 'wrapped.md': draft });
      const report = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'wrapped.md'], ws)).stdout);
      const claims = report.files[0].claims;
      const across = claims.find((c: { text: string }) => c.text.startsWith('The council'));
      assert.ok(across, JSON.stringify(claims.map((c: { text: string }) => c.text)));
      assert.deepEqual([across.line, across.column, across.endLine, across.endColumn], [2, 1, 3, 18]);
      assert.equal(across.verdict, 'supported');
      for (const c of claims) assert.equal(collapse(slice(draft, c)), c.text);
    });

    it('points evidence at the exact source text (UTF-16 columns past an astral character)', async () => {
      const ws = basicWorkspace({ 'crowd.md': 'About 3,000 pedestrians will cross the bridge each day.\n' });
      const report = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'crowd.md', 'mixed.md'], ws)).stdout);
      const crowd = report.files[0].claims[0];
      assert.equal(crowd.verdict, 'supported');
      const best = crowd.evidence[0];
      assert.equal(best.source, 'sources/report.md');
      const line9 = REPORT.split('\n')[8]!;
      const before = line9.slice(0, line9.indexOf('About'));
      assert.equal(before.length, [...before].length + 1, 'one astral character before the passage');
      assert.deepEqual([best.line, best.column], [9, before.length + 1], 'columns count UTF-16 code units');
      assert.equal(slice(REPORT, best), best.text);
      // Plain-text sources: every evidence passage slices back to its text.
      for (const f of report.files) {
        for (const c of f.claims) {
          for (const e of c.evidence) {
            const src = fs.readFileSync(path.join(ws, e.source), 'utf8');
            if (e.source.endsWith('.txt')) assert.equal(collapse(slice(src, e)), e.text, `${e.source}:${e.line}:${e.column}`);
            else assert.ok(collapse(slice(src, e)).includes(e.text.split(' ')[0]!), `${e.source}:${e.line}:${e.column}`);
          }
        }
      }
    });

    it('ranks evidence best first: the supporting or deciding passage leads, with the top score', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      for (const c of report.files[0].claims) {
        if (c.verdict === 'supported') {
          assert.ok(c.evidence.length >= 1, c.text);
          const best = Math.max(...c.evidence.map((e: { score: number }) => e.score));
          assert.equal(c.evidence[0].score, best, `${c.text}: first evidence has the top score`);
          // the message names the passage that leads the evidence
          assert.ok(c.message.includes(`${path.basename(c.evidence[0].source)}:${c.evidence[0].line}`), c.message);
        }
        if (c.verdict === 'contradicted' || c.verdict === 'misquote') {
          const named = /\(([^():]+):(\d+)\)/.exec(c.message);
          assert.ok(named, c.message);
          assert.equal(`${path.basename(c.evidence[0].source)}:${c.evidence[0].line}`, `${named[1]}:${named[2]}`, 'the deciding passage comes first');
        }
      }
    });

    it('reports citations already in the draft and keeps them out of the checked claim', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      const cited = report.files[0].claims.find((c: { text: string }) => c.text.includes('[^1]'));
      assert.ok(cited);
      assert.equal(cited.verdict, 'supported');
      assert.deepEqual(cited.citations, [{ kind: 'footnote', key: '1' }]);
      // The footnote definition line is not a claim.
      assert.ok(!report.files[0].claims.some((c: { line: number }) => c.line === 11));
    });
  });

  describe('cli: SARIF format', () => {
    it('writes SARIF 2.1.0 that passes the structural checks GitHub code scanning relies on', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--format', 'sarif', '--sources', 'sources', 'clean.md', 'mixed.md'], ws);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(sarifErrors(log), []);
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'Groundwork');
      assert.deepEqual(driver.rules.map((x: { id: string }) => x.id).sort(), [...FLAGGED].sort(), 'one rule per flagged verdict');
      const results = log.runs[0].results;
      assert.deepEqual(results.map((x: { ruleId: string }) => x.ruleId), ['contradicted', 'misquote', 'unsupported'], 'flagged claims only');
      const levels = Object.fromEntries(results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]));
      assert.equal(levels.contradicted, 'error');
      assert.equal(levels.misquote, 'error');
      assert.ok(['warning', 'note'].includes(levels.unsupported));
    });

    it('locates each result at the claim, with the evidence as related locations', async () => {
      const ws = basicWorkspace();
      const sarif = JSON.parse((await run(['check', '--format', 'sarif', '--sources', 'sources', 'mixed.md'], ws)).stdout);
      const json = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'mixed.md'], ws)).stdout);
      const flagged = json.files[0].claims.filter((c: { verdict: string }) => c.verdict !== 'supported');
      const results = sarif.runs[0].results;
      assert.equal(results.length, flagged.length);
      results.forEach((res: any, i: number) => {
        const c = flagged[i];
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, 'mixed.md');
        assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn], [c.line, c.column, c.endLine, c.endColumn]);
        assert.equal(res.message.text, c.message);
        assert.equal(res.ruleId, c.verdict);
        const rel = res.relatedLocations ?? [];
        if (c.evidence.length) {
          assert.ok(rel.length >= 1, 'evidence becomes related locations');
          assert.equal(rel[0].physicalLocation.artifactLocation.uri, c.evidence[0].source);
          assert.equal(rel[0].physicalLocation.region.startLine, c.evidence[0].line);
        }
      });
      assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
    });

    it('escapes paths with spaces into URIs', async () => {
      const ws = workspace({ 'my sources/minutes notes.txt': MINUTES, 'my draft.md': 'The council approved a budget of $12 million for the new footbridge.\n' });
      const log = JSON.parse((await run(['check', '--format', 'sarif', '--sources', 'my sources', 'my draft.md'], ws)).stdout);
      assert.deepEqual(sarifErrors(log), []);
      const res = log.runs[0].results[0];
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'my%20draft.md');
      assert.equal(res.relatedLocations[0].physicalLocation.artifactLocation.uri, 'my%20sources/minutes%20notes.txt');
    });

    it('has a validator that really rejects broken logs', async () => {
      const ws = basicWorkspace();
      const good = (await run(['check', '--format', 'sarif', '--sources', 'sources', 'mixed.md'], ws)).stdout;
      const breakers: ((log: any) => void)[] = [
        (l) => (l.version = '2.0.0'),
        (l) => delete l.runs[0].tool.driver.rules[0].shortDescription,
        (l) => (l.runs[0].results[0].ruleId = 'wrong'),
        (l) => (l.runs[0].results[0].ruleIndex = 3),
        (l) => (l.runs[0].results[0].level = 'fatal'),
        (l) => delete l.runs[0].results[0].message,
        (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0),
        (l) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b.md'),
      ];
      for (const b of breakers) {
        const log = JSON.parse(good);
        b(log);
        assert.notDeepEqual(sarifErrors(log), [], b.toString());
      }
    });

    it('has no results and exit code 0 for a clean draft', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--format', 'sarif', '--sources', 'sources', 'clean.md'], ws);
      assert.equal(r.code, 0);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(sarifErrors(log), []);
      assert.deepEqual(log.runs[0].results, []);
      assert.equal(log.runs[0].tool.driver.rules.length, 4);
    });
  });

  describe('cli: configuration', () => {
    it('finds groundwork.json in the folder or a parent and reads sources relative to it', async () => {
      const ws = workspace({ 'groundwork.json': '{ "sources": ["refs"] }', 'refs/minutes.txt': MINUTES, 'drafts/chapter/clean.md': CLEAN });
      const r = await run(['check', '--format', 'json', 'clean.md'], path.join(ws, 'drafts/chapter'));
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.sources.map((s: { path: string }) => path.resolve(ws, 'drafts/chapter', s.path)), [path.join(ws, 'refs/minutes.txt')]);
    });

    it('accepts a single string and globs in groundwork.json', async () => {
      const ws = workspace({ 'groundwork.json': '{ "sources": "refs/**/*.txt" }', 'refs/a/minutes.txt': MINUTES, 'refs/report.md': REPORT, 'clean.md': CLEAN });
      const report = JSON.parse((await run(['check', '--format', 'json', 'clean.md'], ws)).stdout);
      assert.deepEqual(report.sources.map((s: { path: string }) => s.path), ['refs/a/minutes.txt']);
    });

    it('lets --sources override groundwork.json', async () => {
      const ws = workspace({ 'groundwork.json': '{ "sources": ["nowhere"] }', 'other/minutes.txt': MINUTES, 'clean.md': CLEAN });
      assert.equal((await run(['check', 'clean.md'], ws)).code, 2, 'the configured folder is missing');
      const r = await run(['check', '--sources', 'other', 'clean.md'], ws);
      assert.equal(r.code, 0, r.stderr);
    });

    it('defaults to ./sources without a groundwork.json', async () => {
      const ws = basicWorkspace();
      const r = await run(['check', '--format', 'json', 'clean.md'], ws);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).sources.length, 2);
    });

    it('exits 2 on a groundwork.json that is not valid JSON', async () => {
      const ws = workspace({ 'groundwork.json': '{ "sources": [', 'sources/minutes.txt': MINUTES, 'clean.md': CLEAN });
      const r = await run(['check', 'clean.md'], ws);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /groundwork\.json is not valid JSON/);
    });

    it('accepts several --sources, files and globs', async () => {
      const ws = basicWorkspace({ 'more/extra.txt': 'The ferry will stop running next spring when the bridge opens to the public.\n' });
      const r = await run(['check', '--format', 'json', '--sources', 'sources/*.txt', '--sources=sources/report.md', '-s', 'more/extra.txt', 'mixed.md'], ws);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.sources.map((s: { path: string }) => s.path), ['more/extra.txt', 'sources/minutes.txt', 'sources/report.md']);
      assert.equal(report.files[0].claims.find((c: { text: string }) => c.text.startsWith('The ferry')).verdict, 'supported');
    });
  });

  // The verdict each sentence of examples/newsroom/draft.md should get (its README has the table).
  const NEWSROOM: { start: string; verdict: string }[] = [
    { start: 'Larkspur Home Goods', verdict: 'supported' },
    { start: 'The recall covers', verdict: 'supported' },
    { start: 'Chief executive Harriet', verdict: 'supported' },
    { start: '“We let our', verdict: 'misquote' },
    { start: 'The company has', verdict: 'supported' },
    { start: 'Ruth Adeyemi, the', verdict: 'disputed' },
    { start: 'The state consumer', verdict: 'contradicted' },
    { start: 'Owners should unplug', verdict: 'supported' },
    { start: 'Refunds will be', verdict: 'supported' },
    { start: 'Larkspur employs about', verdict: 'supported' }, // was disputed: 600 people vs 48,000 kettles
    { start: 'Its shares fell', verdict: 'unsupported' },
    { start: 'The kettles were', verdict: 'unsupported' },
    { start: 'Analysts expect the', verdict: 'unsupported' },
  ];

  function newsroomVerdicts(report: any): [string, string][] {
    return report.files[0].claims.map((c: { text: string; verdict: string }) => [c.text.split(' ').slice(0, 3).join(' '), c.verdict]);
  }
  const NEWSROOM_VERDICTS = NEWSROOM.map((e) => [e.start, e.verdict]);

  describe('cli: the examples/newsroom workspace', () => {
    it('gives each sentence of the example draft the verdict its README promises', async () => {
      const r = await run(['check', '--format', 'json', 'draft.md'], EXAMPLE);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '');
      const report = JSON.parse(r.stdout);
      assertJsonReport(report);
      assert.equal(report.sources.length, 4);
      assert.deepEqual(newsroomVerdicts(report), NEWSROOM_VERDICTS);
      const draft = fs.readFileSync(path.join(EXAMPLE, 'draft.md'), 'utf8');
      for (const c of report.files[0].claims) assert.equal(collapse(slice(draft, c)), c.text);
    });

    it('names both values and the source in the flagged messages', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      const by = (v: string) => report.files[0].claims.find((c: { verdict: string }) => c.verdict === v);
      assert.match(by('contradicted').message, /^sources say 11 reports \(safety-office-notice\.html:21\); the draft says 17 reports$/);
      assert.match(by('disputed').message, /Ruth Adeyemi/);
      assert.match(by('disputed').message, /housewares-weekly\.txt:7 says Rachel Adeyemi/);
      assert.match(by('misquote').message, /the source says “We let our customers down, and I take full responsibility for that”/);
      assert.equal(by('disputed').evidence.some((e: { source: string }) => e.source.endsWith('housewares-weekly.txt')), true);
    });

    it('never uses the page chrome of the scraped article as evidence', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      const courier = fs.readFileSync(path.join(EXAMPLE, 'sources/port-alder-courier.txt'), 'utf8').split('\n');
      const chromeLines = new Set<number>();
      courier.forEach((l, i) => {
        if (/^(Port Alder Courier \||LRKS |Got a tip|ADVERTISEMENT)/.test(l) || i >= courier.indexOf('Leave a comment')) chromeLines.add(i + 1);
      });
      for (const c of report.files[0].claims) {
        for (const e of c.evidence) {
          if (e.source.endsWith('port-alder-courier.txt')) assert.ok(!chromeLines.has(e.line), `${c.text} cites chrome line ${e.line}: ${e.text}`);
          assert.doesNotMatch(e.text, /555-01|kettlemom|Disgraceful|LRKS|Click here/, c.text);
        }
      }
      const ohio = report.files[0].claims.find((c: { text: string }) => c.text.includes('Ohio'));
      assert.equal(ohio.verdict, 'unsupported');
    });

    it('works with --sources from the repository root and with the bundled CLI', () => {
      const r = spawn(['check', '--sources', 'examples/newsroom/sources', '--format', 'json', 'examples/newsroom/draft.md'], root);
      assert.equal(r.code, 1, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.sources.map((s: { path: string }) => s.path), [
        'examples/newsroom/sources/housewares-weekly.txt',
        'examples/newsroom/sources/larkspur-press-release.md',
        'examples/newsroom/sources/port-alder-courier.txt',
        'examples/newsroom/sources/safety-office-notice.html',
      ]);
      assert.deepEqual(newsroomVerdicts(report), NEWSROOM_VERDICTS);
    });
  });

  describe('cli: search', () => {
    it('prints `path:line:col  score  text` lines, best first', async () => {
      const ws = basicWorkspace();
      const r = await run(['search', '--sources', 'sources', 'footbridge', 'budget'], ws);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.ok(lines.length >= 1);
      for (const l of lines) assert.match(l, /^sources\/\S+:\d+:\d+ {2}[01]\.\d{3} {2}\S/);
      assert.match(lines[0]!, /^sources\/minutes\.txt:3:1 {2}[01]\.\d{3} {2}The council approved a budget of \$8 million/);
      const scores = lines.map((l) => Number(l.split('  ')[1]));
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    });

    it('finds a quote with a typo and honours --limit and --format json', async () => {
      const ws = basicWorkspace();
      const r = await run(['search', '--sources', 'sources', '--limit', '1', '--format', 'json', 'join the old towm to the harbor'], ws);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.version, 1);
      assert.equal(out.query, 'join the old towm to the harbor');
      assert.equal(out.results.length, 1);
      const hit = out.results[0];
      assert.equal(hit.source, 'sources/minutes.txt');
      assert.equal(hit.line, 5);
      assert.match(hit.text, /join the old town to the harbor/);
      assert.equal('id' in hit || 'chrome' in hit, false, 'internal fields stay internal');
      assert.equal(slice(MINUTES, hit), hit.text);
    });

    it('prints nothing and exits 0 when nothing matches', async () => {
      const ws = basicWorkspace();
      const r = await run(['search', '--sources', 'sources', 'zeppelin'], ws);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('uses groundwork.json for its sources too', async () => {
      const r = await run(['search', '--format', 'json', 'interim', 'chief', 'executive'], EXAMPLE);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.ok(out.results.length > 0);
      for (const h of out.results) assert.match(h.source, /^sources\//);
    });
  });

  // Bugs these tests found (each failed against the engine of commit bad4c20), kept as regression tests.
  describe('regressions', () => {
    it('does not compare counts of different things: "600 people" is not disputed by "48,000 kettles"', async () => {
      const ws = workspace({
        'sources/courier.txt':
          'PORT ALDER — Larkspur Home Goods is recalling about 48,000 Brewline electric kettles after customers complained.\n\n' +
          'Larkspur, which employs about 600 people at its headquarters on Cannery Road, is one of Port Alder’s largest employers.\n',
        'draft.md': 'Larkspur employs about 600 people in Port Alder.\n',
      });
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], ws)).stdout);
      const c = report.files[0].claims[0];
      assert.equal(c.verdict, 'supported', c.message);
    });

    it('says a non-UTF-8 draft "is not valid UTF-8 text" rather than quoting a Node error code', async () => {
      const ws = basicWorkspace({ 'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2e]) });
      const r = await run(['check', '--sources', 'sources', 'latin1.txt'], ws);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'groundwork: draft latin1.txt is not valid UTF-8 text');
    });

    it('exits 2 with the usage on stderr when run with no arguments', async () => {
      const r = await run([], root);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Usage:/);
    });

    it('rejects --format sarif for search (its usage says text|json) instead of printing text', async () => {
      const ws = basicWorkspace();
      const r = await run(['search', '--sources', 'sources', '--format', 'sarif', 'bridge'], ws);
      assert.equal(r.code, 2, `stdout: ${r.stdout}`);
      assert.match(r.stderr, /--format/);
    });

    it('keeps a hard-wrapped draft sentence as one claim (a line break before "$" or a capital is not a sentence end)', async () => {
      const ws = basicWorkspace({ 'wrap.md': 'The council approved a budget of\n$12 million for the new footbridge.\n' });
      const report = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'wrap.md'], ws)).stdout);
      const claims = report.files[0].claims.map((c: Range & { verdict: string; text: string }) => [c.line, c.column, c.endLine, c.endColumn, c.verdict]);
      assert.deepEqual(claims, [[1, 1, 2, 36, 'contradicted']]);
    });

    it('lists evidence with non-increasing scores (ranked best first, and "higher is better")', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      const unsorted = report.files[0].claims
        .filter((c: { verdict: string }) => c.verdict === 'supported' || c.verdict === 'unsupported')
        .map((c: { text: string; evidence: { score: number }[] }) => [c.text.slice(0, 40), c.evidence.map((e) => e.score)])
        .filter(([, s]: [string, number[]]) => s.some((x, i) => i > 0 && x > s[i - 1]!));
      assert.deepEqual(unsorted, []);
    });

    it('never uses a draft being checked as its own source (e.g. --sources . with the draft inside)', async () => {
      const ws = basicWorkspace();
      const own = JSON.parse((await run(['check', '--format', 'json', '--sources', '.', 'mixed.md'], ws)).stdout);
      const apart = JSON.parse((await run(['check', '--format', 'json', '--sources', 'sources', 'mixed.md'], ws)).stdout);
      assert.ok(!own.sources.some((s: { path: string }) => s.path === 'mixed.md'), own.sources.map((s: { path: string }) => s.path).join(', '));
      assert.deepEqual(own.files[0].claims.map((c: { verdict: string }) => c.verdict), apart.files[0].claims.map((c: { verdict: string }) => c.verdict));
    });

    it('names a supporting passage once in the message, not "x.md:9 and x.md:9"', async () => {
      const report = JSON.parse((await run(['check', '--format', 'json', 'draft.md'], EXAMPLE)).stdout);
      const doubled = report.files[0].claims.map((c: { message: string }) => c.message).filter((m: string) => /(\S+:\d+) and \1\b/.test(m));
      assert.deepEqual(doubled, []);
    });

    it('does not silently ignore a symlinked source file: it is loaded or reported', async () => {
      const ws = basicWorkspace({ 'shared/extra.txt': 'The ferry will stop running next spring when the bridge opens to the public.\n' });
      try {
        fs.symlinkSync(path.join(ws, 'shared/extra.txt'), path.join(ws, 'sources/extra.txt'));
      } catch {
        return; // no symlinks on this file system
      }
      const r = await run(['check', '--format', 'json', '--sources', 'sources', 'mixed.md'], ws);
      const report = JSON.parse(r.stdout);
      const seen = report.sources.some((s: { path: string }) => s.path === 'sources/extra.txt') || /sources\/extra\.txt/.test(r.stderr);
      assert.ok(seen, `sources: ${report.sources.map((s: { path: string }) => s.path).join(', ')}; stderr: ${r.stderr}`);
    });
  });
});
