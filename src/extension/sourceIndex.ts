// Owns the engine's source index for the workspace: builds it in the background with cancellable
// progress, saves it under the extension's storage and reloads it on the next start (reconciling
// with the files that changed meanwhile), and follows file changes incrementally.
import * as vscode from 'vscode';
import { Engine, ENGINE_VERSION, extractDocument, needsAsyncExtraction, type SourceProblem } from '../core';
import { sourcePatterns } from './config';
import { log } from './log';

export type IndexState = 'starting' | 'indexing' | 'ready';

interface SavedIndex {
  format: 1;
  engineVersion: string;
  fingerprints: Record<string, string>;
  engine: object;
}

const SAVE_DELAY_MS = 2000;
const WATCH_DELAY_MS = 150;
/** Give the extension host a turn at least this often while indexing. */
const SLICE_MS = 25;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SourceIndex implements vscode.Disposable {
  engine = new Engine();
  state: IndexState = 'starting';
  progress: { done: number; total: number } | undefined;
  /** How the current index came to be, for the status bar. */
  origin: 'built' | 'reloaded' | 'cancelled' = 'built';
  /** Engine source path -> its file. */
  private uris = new Map<string, vscode.Uri>();
  private fingerprints = new Map<string, string>();
  private readProblems: SourceProblem[] = [];
  private watchers: vscode.Disposable[] = [];
  private pending = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private building: vscode.CancellationTokenSource | undefined;
  /** The engine differs from the saved index. */
  private dirty = false;
  private work: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Settles when the latest index's background warm-up has ended (done, stopped by a check, or failed). */
  warmedUp: Promise<WarmUp | undefined> = Promise.resolve(undefined);
  /** Fires when the indexed content or the state changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Uri | undefined) {}

  /** Loads the saved index (or builds one) and starts watching. Resolves when the index is ready. */
  start(): Promise<void> {
    return this.serial(async () => {
      await this.watch();
      const loaded = await this.load();
      if (!loaded) await this.build();
    });
  }

  /** Drops the index and builds it again from the files. */
  rebuild(): Promise<void> {
    this.building?.cancel();
    return this.serial(async () => {
      await this.watch();
      await this.build();
    });
  }

  /** Resolves once queued indexing work is done. */
  whenIdle(): Promise<void> {
    return this.work.then(() => undefined);
  }

  pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  uriOf(source: string): vscode.Uri | undefined {
    return this.uris.get(source);
  }

  isSource(uri: vscode.Uri): boolean {
    return this.uris.has(this.pathOf(uri));
  }

  sourcePaths(): string[] {
    return [...this.uris.keys()];
  }

  problems(): SourceProblem[] {
    const seen = new Set<string>();
    return [...this.readProblems, ...this.engine.problems()].filter((p) => !seen.has(p.source) && seen.add(p.source));
  }

  stats(): { sources: number; passages: number; problems: number } {
    const list = this.engine.sourceList();
    return { sources: list.length, passages: list.reduce((n, s) => n + s.passages, 0), problems: this.problems().length };
  }

  /** Re-reads the set of source files after a settings or groundwork.json change. */
  refresh(): Promise<void> {
    return this.serial(async () => {
      await this.watch();
      await this.reconcile(this.engine, 'Groundwork: updating the source index');
      this.scheduleSave();
    });
  }

  dispose(): void {
    this.building?.cancel();
    clearTimeout(this.flushTimer);
    if (this.saveTimer) { clearTimeout(this.saveTimer); void this.save(); }
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }

  /** Runs index operations one at a time, in order. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.work.then(fn, fn);
    this.work = next.catch((e) => log().error(`indexing failed: ${e instanceof Error ? e.stack : e}`));
    return next;
  }

  private setState(state: IndexState, progress?: { done: number; total: number }): void {
    this.state = state;
    this.progress = progress;
    this.changed.fire();
  }

  private async findSourceFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of await sourcePatterns(folder)) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern))) {
          found.set(uri.toString(), uri);
        }
      }
    }
    return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  private async watch(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of await sourcePatterns(folder)) {
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        w.onDidCreate((uri) => this.queue(uri, false));
        w.onDidChange((uri) => this.queue(uri, false));
        w.onDidDelete((uri) => this.queue(uri, true));
        this.watchers.push(w);
      }
    }
  }

  private queue(uri: vscode.Uri, deleted: boolean): void {
    this.pending.set(uri.toString(), { uri, deleted });
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.serial(() => this.flush()), WATCH_DELAY_MS);
  }

  /** Applies queued file events to the live engine. */
  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (!batch.length) return;
    for (const { uri, deleted } of batch) {
      const path = this.pathOf(uri);
      if (deleted) {
        this.engine.removeSource(path);
        this.uris.delete(path);
        this.fingerprints.delete(path);
        this.dirty = true;
        log().info(`source removed: ${path}`);
      } else {
        await this.readInto(this.engine, uri);
        log().info(`source updated: ${path}`);
      }
    }
    this.changed.fire();
    this.scheduleSave();
  }

  /** Reads one file into an engine; unreadable files become problems, never exceptions. */
  private async readInto(engine: Engine, uri: vscode.Uri, stat?: vscode.FileStat): Promise<void> {
    const path = this.pathOf(uri);
    this.readProblems = this.readProblems.filter((p) => p.source !== path);
    try {
      stat ??= await vscode.workspace.fs.stat(uri);
      const bytes = await vscode.workspace.fs.readFile(uri);
      // PDF and DOCX are extracted asynchronously (pdfjs, mammoth load on the first such file).
      const problem = needsAsyncExtraction(path) ? engine.addExtracted(path, await extractDocument(path, bytes)) : engine.addSource(path, bytes);
      this.dirty = true;
      if (problem) log().warn(`${problem.source}: ${problem.message}`);
      this.uris.set(path, uri);
      this.fingerprints.set(path, fingerprint(stat));
    } catch (e) {
      engine.removeSource(path);
      this.readProblems.push({ source: path, message: `cannot read: ${e instanceof Error ? e.message : e}` });
      log().warn(`${path}: cannot read: ${e}`);
    }
  }

  private async build(): Promise<void> {
    const t0 = Date.now();
    this.uris.clear();
    this.fingerprints.clear();
    this.readProblems = [];
    const engine = new Engine();
    const complete = await this.reconcile(engine, 'Groundwork: indexing sources');
    this.engine = engine;
    // Build the lazy parts now, so the first hover or keystroke is not the slow one.
    this.warmedUp = warmUpInSteps(engine);
    this.origin = complete ? 'built' : 'cancelled';
    const s = this.stats();
    log().info(`index ${complete ? 'built' : 'partly built (cancelled)'}: ${s.sources} sources, ${s.passages} passages in ${Date.now() - t0} ms`);
    this.setState('ready');
    if (complete) await this.save();
  }

  /**
   * Brings `engine` in line with the files on disk: reads new and changed files (by size and mtime),
   * drops missing ones. Returns false when the user cancelled.
   */
  private async reconcile(engine: Engine, title: string): Promise<boolean> {
    const files = await this.findSourceFiles();
    const current = new Set(files.map((u) => this.pathOf(u)));
    for (const path of [...this.fingerprints.keys()]) {
      if (!current.has(path)) { engine.removeSource(path); this.uris.delete(path); this.fingerprints.delete(path); this.dirty = true; }
    }
    const stale: { uri: vscode.Uri; stat?: vscode.FileStat }[] = [];
    for (const uri of files) {
      const path = this.pathOf(uri);
      this.uris.set(path, uri);
      const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (!stat || this.fingerprints.get(path) !== fingerprint(stat)) stale.push({ uri, stat });
    }
    if (!stale.length) return true;
    this.building = new vscode.CancellationTokenSource();
    const token = this.building.token;
    this.setState('indexing', { done: 0, total: stale.length });
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, userToken) => {
          let slice = Date.now();
          for (let i = 0; i < stale.length; i++) {
            if (token.isCancellationRequested || userToken.isCancellationRequested) return false;
            await this.readInto(engine, stale[i].uri, stale[i].stat);
            progress.report({ increment: 100 / stale.length, message: `${i + 1}/${stale.length} ${this.pathOf(stale[i].uri)}` });
            this.progress = { done: i + 1, total: stale.length };
            if (Date.now() - slice > SLICE_MS) { this.changed.fire(); await yieldToHost(); slice = Date.now(); }
          }
          return true;
        });
    } finally {
      this.building.dispose();
      this.building = undefined;
    }
  }

  get file(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, 'index-v1.json');
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => { this.saveTimer = undefined; void this.serial(() => this.save()); }, SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    if (!this.file || !this.storage || !this.dirty) return;
    this.dirty = false;
    try {
      const saved: SavedIndex = {
        format: 1, engineVersion: ENGINE_VERSION, fingerprints: Object.fromEntries(this.fingerprints), engine: this.engine.toJSON(),
      };
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(JSON.stringify(saved)));
    } catch (e) {
      this.dirty = true;
      log().warn(`could not save the index: ${e}`);
    }
  }

  /** Reloads the saved index if it was made by this engine version, then catches up with the files. */
  private async load(): Promise<boolean> {
    if (!this.file) return false;
    const t0 = Date.now();
    let saved: SavedIndex;
    try {
      saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file)));
    } catch {
      return false;
    }
    if (saved?.format !== 1 || saved.engineVersion !== ENGINE_VERSION) {
      log().info('saved index is from another engine version: rebuilding');
      return false;
    }
    try {
      this.engine = Engine.fromJSON(saved.engine);
      const reloaded = this.engine;
      this.warmedUp = warmUpInSteps(reloaded);
    } catch (e) {
      log().warn(`saved index unreadable, rebuilding: ${e}`);
      return false;
    }
    this.fingerprints = new Map(Object.entries(saved.fingerprints));
    this.dirty = false;
    for (const s of this.engine.sourceList()) this.fingerprints.has(s.path) || this.engine.removeSource(s.path);
    const complete = await this.reconcile(this.engine, 'Groundwork: updating the source index');
    this.origin = 'reloaded';
    const s = this.stats();
    log().info(`index reloaded: ${s.sources} sources, ${s.passages} passages in ${Date.now() - t0} ms`);
    this.setState('ready');
    if (complete) this.scheduleSave();
    return true;
  }
}

function fingerprint(stat: vscode.FileStat): string {
  return `${stat.size}:${stat.mtime}`;
}

/** How a background warm-up went (ms of wall clock and of work; whether it ran to the end). */
export interface WarmUp {
  ms: number;
  busyMs: number;
  complete: boolean;
}

/**
 * Builds the engine's lazy parts and compiles its judging code in the background, one short step per
 * turn of the event loop, so the first hover or check is not the slow one and nothing blocks. Settles
 * when it has ended (a check that starts meanwhile ends it early: it compiles the same code).
 */
function warmUpInSteps(engine: Engine): Promise<WarmUp> {
  const steps = engine.warmUpSteps();
  const t0 = performance.now();
  let busyMs = 0;
  return new Promise<WarmUp>((resolve) => {
    const end = (complete: boolean) => {
      const ms = performance.now() - t0;
      log().info(`warm-up ${complete ? 'done' : 'ended early by a check'} after ${Math.round(ms)} ms (${Math.round(busyMs)} ms of work)`);
      resolve({ ms, busyMs, complete });
    };
    const next = () => {
      const t = performance.now();
      try {
        const step = steps.next();
        busyMs += performance.now() - t;
        if (!step.done) setImmediate(next);
        else end(step.value);
      } catch (e) {
        log().warn(`warm-up stopped: ${e}`);
        end(false);
      }
    };
    setImmediate(next);
  });
}
