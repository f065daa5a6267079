import { readFileSync, readdirSync } from 'node:fs';
import { Engine } from './src/core';
import { analyze } from './src/core/verify/analyze';
import { aligner, claimQuery } from './src/core/verify/judge';
import { withoutHedges } from './src/core/verify/attribution';
const dir = '/work/shared/corpus/resignation/';
const e = new Engine();
for (const f of readdirSync(dir)) e.addSource(dir + f, readFileSync(dir + f, 'utf8'));
const ctx = (e as any).context();
const idx = ctx.index;
const al = aligner(idx);
for (const t of process.argv.slice(2)) {
  const claim = analyze(withoutHedges(t));
  const hits = idx.search(claimQuery(claim, ctx), 40);
  console.log('\n### ' + t + '  => ' + e.check(t, 'markdown').claims[0]?.verdict);
  for (const h of hits.slice(0, +(process.env.N ?? 4))) {
    const a = al(claim, ctx.view(h.id));
    console.log(`  ${h.id} cov ${a.coverage.toFixed(2)} ctx ${a.context.toFixed(2)} ms ${a.missingShare.toFixed(2)} mn ${a.missingNames} pf ${a.polarityFlips} subs ${a.substitutions.length} conf ${a.conflicts.map((c: any) => c.claim.text + '/' + c.source.text).join(',')} missing [${a.missing.join(', ')}]\n     ${idx.passages[h.id].text.slice(0, 150)}`);
  }
}
