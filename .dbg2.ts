import { extractFacts } from './src/core/verify/facts';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(extractFacts(t).map((f) => [f.kind, f.value, f.text, f.bound])));
