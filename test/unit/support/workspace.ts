/** Temporary workspaces for CLI tests: folders of files the tests write, removed afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class Workspaces {
  private readonly dirs: string[] = [];

  constructor(private readonly prefix: string) {}

  /** A fresh folder with the given files (paths relative to it; folders are created). */
  make(files: Record<string, string | Uint8Array>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), this.prefix));
    this.dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    return dir;
  }

  /** Removes every folder made, even ones a test made unreadable. */
  cleanup(): void {
    for (const d of this.dirs) {
      try {
        fs.chmodSync(d, 0o700);
      } catch {
        /* already gone */
      }
      fs.rmSync(d, { recursive: true, force: true });
    }
    this.dirs.length = 0;
  }
}
