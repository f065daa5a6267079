import { readFileSync, readdirSync } from 'node:fs';
import { Engine } from './src/core';
const dir = '/work/shared/corpus/resignation/';
const e = new Engine();
for (const f of readdirSync(dir)) e.addSource(dir + f, readFileSync(dir + f, 'utf8'));
for (const t of process.argv.slice(2)) { const c = e.check(t, 'markdown').claims[0]!; console.log('=>', c.verdict, c.message); }
