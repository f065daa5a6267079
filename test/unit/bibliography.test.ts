import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { Engine } from '../../src/core';
import {
  Bibliography, authorDateReference, checkCitations, citedEntries, linkBibliography, numericReference, parseBibtex,
  parseCslJson, parseFileField, referencesEdits, referencesSection, resolveCitation, applyFix, setCitationJsLoader,
  toCslItem, type CitationJs,
} from '../../src/core/bibliography';
import { applyEdits, citeSentenceEdits, insertQuoteEdits, type CiteEntry } from '../../src/core/citeFormat';

// A Better BibTeX (BibLaTeX) export as Zotero writes it: @string and month macros, nested braces,
// LaTeX accents, a comment, Zotero's file field with descriptions and MIME types.
const BBT = String.raw`@comment{jabref-meta: databaseType:biblatex;}

@string{cf = {Journal of Civic Finance}}

@article{smithBridgeBudget2021,
  title = {The {{Bridge}} Budget: How {{Port Alder}} Paid for a Crossing},
  shorttitle = {The {{Bridge}} Budget},
  author = {Smith, Jane and M{\"u}ller, J{\"o}rg and {Port Alder Council}},
  date = {2021-03-14},
  journaltitle = cf,
  volume = {12},
  number = {3},
  pages = {45--67},
  doi = {10.1234/jcf.2021.045},
  url = {https://example.org/bridge},
  urldate = {2024-01-02},
  abstract = {Half {{(50\%)}} of the cost came from bonds; see \emph{Table 2}.},
  langid = {english},
  keywords = {budget,infrastructure},
  file = {Full Text PDF:/home/writer/Zotero/storage/AB12CD34/Smith et al. - 2021 - The Bridge Budget.pdf:application/pdf;Snapshot:/home/writer/Zotero/storage/AB12CD34/bridge-snapshot.html:text/html}
}

@book{jones2020,
  title = "Harbours and {Their} Keepers",
  author = {Jones, Li and van der Berg, Anna},
  year = 2020,
  month = mar,
  publisher = {Tidewater Press},
  location = {Port Alder}
}

@report{harbourDredging2019,
  title = {Harbour Dredging Report 2019},
  author = {{Port Alder Harbour Authority}},
  year = {2019},
  institution = {Port Alder Harbour Authority},
  url = {https://example.org/dredging}
}

@online{broken2022,
  title = {This entry is missing its closing brace,
  author = {Nobody, A.},
  year = {2022}

@misc{afterBroken,
  title = {Still loaded after a broken entry},
  author = {Doe, John},
  year = {2018},
  note = {A note with a quoted "string" and 100\% \& more}
}
`;

// A Zotero "CSL JSON" export (ids are Better BibTeX keys here), one item without an id.
const CSL = JSON.stringify([
  {
    id: 'leeTideTables2023', type: 'article-newspaper', title: 'Tide tables show record highs',
    'container-title': 'Port Alder Courier', author: [{ family: 'Lee', given: 'Min-jun' }],
    issued: { 'date-parts': [[2023, 7, 4]] }, URL: 'https://courier.example/tides',
  },
  { type: 'webpage', title: 'An item with no id' },
  {
    id: 'http://zotero.org/users/local/xyz/items/QW12ER34', 'citation-key': 'okaforCouncil2022', type: 'report',
    title: 'Council minutes: the bridge vote', author: [{ literal: 'Port Alder Council' }],
    issued: { 'date-parts': [[2022]] }, publisher: 'Port Alder Council',
  },
], null, 2);

const SOURCES: Record<string, string> = {
  'sources/bridge-snapshot.html': '<html><head><title>The Bridge Budget</title></head><body><h1>The Bridge Budget</h1><p>The council approved a budget of $8 million for the bridge in March 2021.</p></body></html>',
  'sources/jones2020.txt': 'Harbours and their keepers\n\nThe harbour master keeps a log of every ship that enters the port.\n',
  'sources/harbour-dredging-report.md': '# Harbour Dredging Report 2019\n\nDredging removed 40,000 cubic metres of silt from the harbour.\n',
  'sources/tide-notes.md': '# Tide notes\n\nThe tide gauge recorded a high of 4.2 metres on 3 July 2023.\n',
};

function engineWithSources(): Engine {
  const engine = new Engine();
  for (const [p, t] of Object.entries(SOURCES)) assert.equal(engine.addSource(p, t), undefined, p);
  return engine;
}

function library(): Bibliography {
  return new Bibliography([{ path: 'library.bib', text: BBT }, { path: 'zotero.json', text: CSL }]);
}

describe('bibliography', () => {
  it('reads a Better BibTeX export: macros, accents, names, dates, file fields', () => {
    const { entries, problems } = parseBibtex(BBT, 'library.bib');
    assert.deepEqual(entries.map((e) => e.key), ['smithBridgeBudget2021', 'jones2020', 'harbourDredging2019', 'afterBroken']);
    const smith = entries[0]!;
    assert.equal(smith.title, 'The Bridge Budget: How Port Alder Paid for a Crossing');
    assert.deepEqual(smith.authors, [{ family: 'Smith', given: 'Jane' }, { family: 'Müller', given: 'Jörg' }, { literal: 'Port Alder Council' }]);
    assert.equal(smith.date, '2021-03-14');
    assert.equal(smith.year, 2021);
    assert.equal(smith.container, 'Journal of Civic Finance');
    assert.equal(smith.pages, '45–67');
    assert.equal(smith.doi, '10.1234/jcf.2021.045');
    assert.deepEqual(smith.files, [
      '/home/writer/Zotero/storage/AB12CD34/Smith et al. - 2021 - The Bridge Budget.pdf',
      '/home/writer/Zotero/storage/AB12CD34/bridge-snapshot.html',
    ]);
    assert.equal(smith.origin.line, 5);
    const jones = entries[1]!;
    assert.equal(jones.title, 'Harbours and Their Keepers');
    assert.deepEqual(jones.authors, [{ family: 'Jones', given: 'Li' }, { family: 'van der Berg', given: 'Anna' }]);
    assert.equal(jones.date, '2020-03');
    assert.equal(jones.publisher, 'Tidewater Press');
    // The broken entry is reported with its line, and the entry after it still loads.
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 40);
    assert.match(problems[0]!.message, /^@online entry at line 40 skipped: unbalanced braces .* \(line 41\)$/);
    assert.equal(entries[3]!.title, 'Still loaded after a broken entry');
  });

  it('reads the file-field variants of Zotero, JabRef and Windows paths', () => {
    assert.deepEqual(parseFileField('Full Text:files/a.pdf:application/pdf'), ['files/a.pdf']);
    assert.deepEqual(parseFileField(':files/b.pdf:PDF'), ['files/b.pdf']);
    assert.deepEqual(parseFileField('files/c.pdf'), ['files/c.pdf']);
    assert.deepEqual(parseFileField('PDF:C\\:\\\\Users\\\\me\\\\Zotero\\\\d.pdf:application/pdf'), ['C:\\Users\\me\\Zotero\\d.pdf']);
    assert.deepEqual(parseFileField('A:x/e.pdf:application/pdf;B:x/e.html:text/html'), ['x/e.pdf', 'x/e.html']);
  });

  it('reports malformed entries with their line and keeps going', () => {
    const bib = '@article{a, title = {One}}\n@article{b, title = {Two} author = {X}}\n@book{, title={No key}}\n@misc{c, title = undefinedmacro}\n@misc{d, title = "Four"}\n';
    const { entries, problems } = parseBibtex(bib, 'x.bib');
    assert.deepEqual(entries.map((e) => e.key), ['a', 'd']);
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4]);
    assert.match(problems[2]!.message, /unknown @string macro "undefinedmacro"/);
    // Doubling @string macros cannot blow up memory.
    let bomb = '@string{m0 = "xxxxxxxxxx"}\n';
    for (let i = 1; i < 30; i++) bomb += `@string{m${i} = m${i - 1} # m${i - 1}}\n`;
    bomb += '@misc{ok, title = {Fine}}\n';
    const r = parseBibtex(bomb, 'bomb.bib');
    assert.deepEqual(r.entries.map((e) => e.key), ['ok']);
    assert.ok(r.problems.some((p) => /too long/.test(p.message)));
  });

  it('reads a Zotero CSL-JSON export and reports an item without an id by its line', () => {
    const { entries, problems } = parseCslJson(CSL, 'zotero.json');
    assert.deepEqual(entries.map((e) => e.key), ['leeTideTables2023', 'okaforCouncil2022']);
    assert.equal(entries[0]!.date, '2023-07-04');
    assert.equal(entries[0]!.container, 'Port Alder Courier');
    assert.deepEqual(entries[1]!.authors, [{ literal: 'Port Alder Council' }]);
    assert.deepEqual(problems, [{ file: 'zotero.json', line: 24, message: 'item 2 at line 24 skipped: it has no "id"' }]);
    assert.match(parseCslJson('[{"id": "a",}]', 'bad.json').problems[0]!.message, /not valid JSON/);
  });

  it('matches entries to sources by file field, key and title', () => {
    const engine = engineWithSources();
    engine.addSource('sources/tide-tables-show-record-highs.txt', 'Tide tables show record highs this summer.\n');
    const linked = linkBibliography(library(), engine.sourceList());
    assert.equal(linked.entryOf('sources/bridge-snapshot.html')?.key, 'smithBridgeBudget2021');
    assert.equal(linked.matchOf('sources/bridge-snapshot.html'), 'file');
    assert.equal(linked.entryOf('sources/jones2020.txt')?.key, 'jones2020');
    assert.equal(linked.matchOf('sources/jones2020.txt'), 'key');
    assert.equal(linked.entryOf('sources/harbour-dredging-report.md')?.key, 'harbourDredging2019');
    assert.equal(linked.matchOf('sources/harbour-dredging-report.md'), 'title');
    assert.equal(linked.entryOf('sources/tide-tables-show-record-highs.txt')?.key, 'leeTideTables2023');
    assert.equal(linked.entryOf('sources/tide-notes.md'), undefined);
    assert.deepEqual(linked.sourcesOf('smithBridgeBudget2021'), ['sources/bridge-snapshot.html']);
  });

  it('matches a slightly different title fuzzily, but not a merely similar one', () => {
    const bib = new Bibliography([{ path: 'l.bib', text: '@report{r1, title = {Annual Report on Harbour Safety 2022}}\n@report{r2, title = {Annual Report on Harbour Finance}}' }]);
    const linked = linkBibliography(bib, [
      { path: 'sources/a.md', title: 'Annual report on harbor safety, 2022' },
      { path: 'sources/b.md', title: 'Annual Report on Airport Security' },
    ]);
    assert.equal(linked.entryOf('sources/a.md')?.key, 'r1');
    assert.equal(linked.entryOf('sources/b.md'), undefined);
  });

  describe('citation styles with a bibliography entry', () => {
    const entry: CiteEntry = {
      key: 'smithBridgeBudget2021', title: 'The Bridge Budget: How Port Alder Paid for a Crossing',
      authors: [{ family: 'Smith', given: 'Jane' }, { family: 'Müller', given: 'Jörg' }], date: '2021-03-14',
    };
    const onPage = { source: 'sources/bridge.pdf', line: 3, page: 12, text: 'The council approved a budget of $8 million for the bridge.' };
    const onLine = { source: 'sources/bridge-snapshot.html', line: 7, text: 'The council approved a budget of $8 million for the bridge.' };
    const draft = 'The bridge cost $8 million.';
    const cite = (p: typeof onLine, style: 'footnote' | 'pandoc' | 'latex' | 'link', from?: string) =>
      applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, p, style, { entry, ...(from !== undefined ? { from } : {}) }));

    it('footnote: [^key] with "Author, *Title*, date, p. N"', () => {
      assert.equal(cite(onPage, 'footnote'), 'The bridge cost $8 million.[^smithBridgeBudget2021]\n\n' +
        '[^smithBridgeBudget2021]: Jane Smith and Jörg Müller, *The Bridge Budget: How Port Alder Paid for a Crossing*, 14 March 2021, p. 12.\n');
      assert.equal(cite(onLine, 'footnote'), 'The bridge cost $8 million.[^smithBridgeBudget2021]\n\n' +
        '[^smithBridgeBudget2021]: Jane Smith and Jörg Müller, *The Bridge Budget: How Port Alder Paid for a Crossing*, 14 March 2021, line 7.\n');
      // The same note again reuses the label; another page gets a new one.
      const once = cite(onPage, 'footnote');
      const again = applyEdits(once, citeSentenceEdits(once, 0, draft.length, onPage, 'footnote', { entry }));
      assert.equal(again.match(/^\[\^/gm)?.length, 1);
      assert.match(again, /million\.\[\^smithBridgeBudget2021\]\[\^smithBridgeBudget2021\]/);
      const other = applyEdits(once, citeSentenceEdits(once, 0, draft.length, { ...onPage, page: 13 }, 'footnote', { entry }));
      assert.match(other, /\n\[\^smithBridgeBudget2021-2\]: Jane Smith and Jörg Müller, \*The Bridge Budget: How Port Alder Paid for a Crossing\*, 14 March 2021, p\. 13\.\n$/);
    });

    it('footnote without metadata: the file and line', () => {
      assert.equal(applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, onLine, 'footnote')),
        'The bridge cost $8 million.[^1]\n\n[^1]: sources/bridge-snapshot.html, line 7: "The council approved a budget of $8 million for the bridge."\n');
    });

    it('pandoc: [@key, p. 12]', () => {
      assert.equal(cite(onPage, 'pandoc'), 'The bridge cost $8 million [@smithBridgeBudget2021, p. 12].');
      assert.equal(cite(onLine, 'pandoc'), 'The bridge cost $8 million [@smithBridgeBudget2021, line 7].');
    });

    it('latex: \\cite[p.~12]{key}', () => {
      assert.equal(cite(onPage, 'latex'), 'The bridge cost $8 million~\\cite[p.~12]{smithBridgeBudget2021}.');
      assert.equal(cite(onLine, 'latex'), 'The bridge cost $8 million~\\cite[line 7]{smithBridgeBudget2021}.');
    });

    it('link: [Title](relative/path#L12)', () => {
      assert.equal(cite(onLine, 'link', 'drafts'), 'The bridge cost $8 million ([The Bridge Budget: How Port Alder Paid for a Crossing](../sources/bridge-snapshot.html#L7)).');
      assert.equal(cite(onLine, 'link', ''), 'The bridge cost $8 million ([The Bridge Budget: How Port Alder Paid for a Crossing](sources/bridge-snapshot.html#L7)).');
      assert.equal(cite(onPage, 'link', ''), 'The bridge cost $8 million ([The Bridge Budget: How Port Alder Paid for a Crossing, p. 12](sources/bridge.pdf#page=12)).');
    });

    it('quotes with a keyed citation', () => {
      const d = 'As the study says, ';
      assert.equal(applyEdits(d, insertQuoteEdits(d, d.length, onPage, 'pandoc', { entry })),
        `As the study says, “${onPage.text}” [@smithBridgeBudget2021, p. 12]`);
    });
  });

  describe('existing citations', () => {
    const engine = engineWithSources();
    const linked = linkBibliography(library(), engine.sourceList());

    it('resolves keys, file-name keys and footnotes; flags the ones that lead nowhere', () => {
      const draft = [
        'The harbour master keeps a log of every ship that enters the port [@jones2020, p. 4].',
        'Dredging removed 40,000 cubic metres of silt [@nosuchkey].',
        'Tides peaked at 4.2 metres \\cite{tide-notes}.',
        'A claim with a note.[^1] Another.[^2] A third.[^3]',
        '',
        '[^1]: sources/harbour-dredging-report.md, line 3.',
        '[^2]: sources/missing-file.md, line 9.',
      ].join('\n');
      const result = engine.check(draft);
      const byKey = new Map(result.citations.map((c) => [c.key, resolveCitation(c, draft, linked)]));
      assert.deepEqual(byKey.get('jones2020'), { status: 'source', sources: ['sources/jones2020.txt'], entry: linked.bibliography.get('jones2020'), page: 4 });
      assert.deepEqual(byKey.get('tide-notes'), { status: 'source', sources: ['sources/tide-notes.md'] });
      assert.equal(byKey.get('1')?.status, 'source');
      const findings = checkCitations(draft, result, linked);
      assert.deepEqual(findings.map((f) => [f.rule, f.key, draft.slice(f.start, f.end), f.message]), [
        ['unresolved-citation', 'nosuchkey', 'nosuchkey', 'unresolved citation: no bibliography entry or source is called "nosuchkey"'],
        ['unresolved-citation', '2', '[^2]', 'unresolved citation: footnote [^2] cites sources/missing-file.md, which is not an indexed source'],
        ['unresolved-citation', '3', '[^3]', 'unresolved citation: footnote [^3] has no definition'],
      ]);
    });

    it('says when a sentence cites a source that does not support it while another does, and fixes it', () => {
      const draft = 'Dredging removed 40,000 cubic metres of silt from the harbour [@jones2020].\n';
      const result = engine.check(draft);
      assert.equal(result.claims[0]!.verdict, 'supported');
      const findings = checkCitations(draft, result, linked, { evidenceFor: (s, n) => engine.evidenceFor(s, n) });
      assert.equal(findings.length, 1);
      const f = findings[0]!;
      assert.equal(f.rule, 'wrong-source');
      assert.equal(draft.slice(f.start, f.end), 'jones2020');
      assert.equal(f.message, 'cites jones2020, which does not support this sentence; harbourDredging2019 (harbour-dredging-report.md), line 3 does');
      assert.equal(f.fixes[0]!.title, 'Cite harbourDredging2019 instead');
      assert.equal(applyFix(draft, f), 'Dredging removed 40,000 cubic metres of silt from the harbour [@harbourDredging2019, line 3].\n');
      // The right source cited: no finding.
      const right = applyFix(draft, f);
      assert.deepEqual(checkCitations(right, engine.check(right), linked), []);
    });

    it('rewrites a numbered footnote that cites the wrong source', () => {
      const draft = 'Dredging removed 40,000 cubic metres of silt from the harbour.[^1]\n\n[^1]: sources/tide-notes.md, line 3.\n';
      const findings = checkCitations(draft, engine.check(draft), linked);
      assert.equal(findings.length, 1);
      assert.equal(applyFix(draft, findings[0]!), 'Dredging removed 40,000 cubic metres of silt from the harbour.[^1]\n\n' +
        '[^1]: Port Alder Harbour Authority, *Harbour Dredging Report 2019*, 2019, line 3.\n');
    });

    it('without a bibliography, file-name keys still resolve', () => {
      const plain = linkBibliography(undefined, engine.sourceList());
      const draft = 'The tide gauge recorded a high of 4.2 metres [@tide-notes]. Something [@smith2020].';
      const findings = checkCitations(draft, engine.check(draft), plain);
      assert.deepEqual(findings.map((f) => f.message), ['unresolved citation: no source is called "smith2020" (and no bibliography is configured)']);
    });
  });

  describe('references', () => {
    const bib = library();
    // A web page with its access date (BibLaTeX urldate), next to the article and the book of BBT.
    const WEB = String.raw`@online{tideGauge2023,
  title = {Tide Gauge Readings: July 2023},
  author = {{Port Alder Harbour Authority}},
  date = {2023-07-04},
  url = {https://example.org/tide_gauge},
  urldate = {2024-02-05},
  organization = {Port Alder Harbour Authority}
}`;
    const web = parseBibtex(WEB, 'web.bib').entries[0]!;
    // In order of first citation: the web page, the article, the book.
    const cited = () => [web, bib.get('smithBridgeBudget2021')!, bib.get('jones2020')!];
    const APA = '## References\n\n' +
      'Jones, L., & van der Berg, A. (2020). *Harbours and Their Keepers*. Tidewater Press.\n\n' +
      'Port Alder Harbour Authority. (2023, July 4). *Tide Gauge Readings: July 2023*. Port Alder Harbour Authority. <https://example.org/tide_gauge>\n\n' +
      'Smith, J., Müller, J., & Port Alder Council. (2021). The Bridge Budget: How Port Alder Paid for a Crossing. *Journal of Civic Finance*, *12*(3), 45–67. <https://doi.org/10.1234/jcf.2021.045>\n';
    const VANCOUVER = '## References\n\n' +
      '1. Port Alder Harbour Authority. Tide Gauge Readings: July 2023 [Internet]. Port Alder Harbour Authority; 2023 [cited 2024 Feb 5]. Available from: <https://example.org/tide_gauge>\n' +
      '2. Smith J, Müller J, Port Alder Council. The Bridge Budget: How Port Alder Paid for a Crossing. Journal of Civic Finance [Internet]. 2021 Mar 14 [cited 2024 Jan 2];12(3):45–67. Available from: <https://example.org/bridge>\n' +
      '3. Jones L, van der Berg A. Harbours and Their Keepers. Tidewater Press; 2020.\n';
    afterEach(() => setCitationJsLoader());

    it('reads access dates and turns entries into CSL-JSON items', () => {
      assert.equal(web.accessed, '2024-02-05');
      assert.equal(bib.get('smithBridgeBudget2021')!.accessed, '2024-01-02');
      assert.equal(parseCslJson(JSON.stringify([{ id: 'a', accessed: { 'date-parts': [[2024, 3, 9]] } }])).entries[0]!.accessed, '2024-03-09');
      assert.deepEqual(toCslItem(bib.get('jones2020')!), {
        id: 'jones2020', type: 'book', title: 'Harbours and Their Keepers', issued: { 'date-parts': [[2020, 3]] }, publisher: 'Tidewater Press',
        author: [{ family: 'Jones', given: 'Li' }, { 'non-dropping-particle': 'van der', family: 'Berg', given: 'Anna' }],
      });
      assert.deepEqual(toCslItem(web), {
        id: 'tideGauge2023', type: 'webpage', title: 'Tide Gauge Readings: July 2023', author: [{ literal: 'Port Alder Harbour Authority' }],
        issued: { 'date-parts': [[2023, 7, 4]] }, accessed: { 'date-parts': [[2024, 2, 5]] }, publisher: 'Port Alder Harbour Authority',
        URL: 'https://example.org/tide_gauge',
      });
    });

    it('formats APA (sorted by author) and Vancouver (numbered by first citation) with citation-js, exactly', () => {
      assert.equal(referencesSection(cited(), 'author-date'), APA);
      assert.equal(referencesSection(cited(), 'numeric'), VANCOUVER);
      // Markdown in a title is escaped; the style's own brackets are not.
      const odd = parseBibtex('@book{odd, title = {A *starred* [bracketed] `coded` title}, author = {Doe, Jo}, year = 2001}', 'o.bib').entries;
      assert.equal(referencesSection(odd, 'author-date'), '## References\n\nDoe, J. (2001). *A \\*starred\\* [bracketed] \\`coded\\` title*.\n');
    });

    it('never reaches the network while loading citation-js and formatting', () => {
      const calls: string[] = [];
      const trap = (name: string) => (..._args: unknown[]): never => { calls.push(name); throw new Error(`${name} called while formatting`); };
      // The CommonJS module objects (an ES namespace import is read-only), which node-fetch and the rest use.
      const httpMod = require('node:http') as Record<string, unknown>;
      const httpsMod = require('node:https') as Record<string, unknown>;
      const netMod = require('node:net') as Record<string, unknown>;
      const saved = { fetch: globalThis.fetch, httpRequest: httpMod['request'], httpGet: httpMod['get'], httpsRequest: httpsMod['request'], httpsGet: httpsMod['get'],
        connect: netMod['connect'], createConnection: netMod['createConnection'] };
      globalThis.fetch = trap('fetch') as typeof fetch;
      httpMod['request'] = trap('http.request'); httpMod['get'] = trap('http.get');
      httpsMod['request'] = trap('https.request'); httpsMod['get'] = trap('https.get');
      netMod['connect'] = trap('net.connect'); netMod['createConnection'] = trap('net.createConnection');
      try {
        // From the packages, loaded afresh under the trap.
        for (const id of Object.keys(require.cache)) if (/[\\/]node_modules[\\/](?:@citation-js|citeproc|sync-fetch|node-fetch|fetch-ponyfill)[\\/]/.test(id)) delete require.cache[id];
        setCitationJsLoader();
        assert.equal(referencesSection(cited(), 'author-date'), APA);
        assert.equal(referencesSection(cited(), 'numeric'), VANCOUVER);
        // And the shipped bundle (after a build), which has no fetch code at all.
        const bundle = path.join(__dirname, '../../dist/citation-js.js');
        if (existsSync(bundle)) {
          assert.doesNotMatch(readFileSync(bundle, 'utf8'), /require\("(?:node:)?(?:https?|net|tls|child_process)"\)|node-fetch/);
          setCitationJsLoader(() => require(bundle) as CitationJs);
          assert.equal(referencesSection(cited(), 'numeric'), VANCOUVER);
          assert.equal(referencesSection(cited(), 'author-date'), APA);
        }
      } finally {
        globalThis.fetch = saved.fetch;
        httpMod['request'] = saved.httpRequest; httpMod['get'] = saved.httpGet;
        httpsMod['request'] = saved.httpsRequest; httpsMod['get'] = saved.httpsGet;
        netMod['connect'] = saved.connect; netMod['createConnection'] = saved.createConnection;
      }
      assert.deepEqual(calls, []);
    });

    it('falls back to the built-in formatter, and says so, where citation-js does not load', () => {
      setCitationJsLoader(() => { throw new Error('Cannot find module citation-js.js'); });
      assert.equal(referencesSection([bib.get('jones2020')!], 'numeric'),
        "## References\n\n_Formatted by Groundwork's built-in formatter: the CSL processor failed (Cannot find module citation-js.js)._\n\n" +
        '1. L. Jones and A. van der Berg, *Harbours and Their Keepers*, Tidewater Press, 2020.\n');
    });

    it('the built-in fallback formats author-date (APA-like) and numeric references', () => {
      assert.equal(authorDateReference(bib.get('smithBridgeBudget2021')!),
        'Smith, J., Müller, J., & Port Alder Council. (2021). The Bridge Budget: How Port Alder Paid for a Crossing. *Journal of Civic Finance*, *12*(3), 45–67. <https://doi.org/10.1234/jcf.2021.045>');
      assert.equal(authorDateReference(bib.get('jones2020')!), 'Jones, L., & van der Berg, A. (2020). *Harbours and Their Keepers.* Tidewater Press.');
      assert.equal(authorDateReference(bib.get('leeTideTables2023')!),
        'Lee, M.-J. (2023, July 4). Tide tables show record highs. *Port Alder Courier*. <https://courier.example/tides>');
      assert.equal(numericReference(bib.get('smithBridgeBudget2021')!),
        'J. Smith, J. Müller, and Port Alder Council, “The Bridge Budget: How Port Alder Paid for a Crossing,” *Journal of Civic Finance*, vol. 12, no. 3, pp. 45–67, 2021. <https://doi.org/10.1234/jcf.2021.045>');
      assert.equal(numericReference(bib.get('jones2020')!), 'L. Jones and A. van der Berg, *Harbours and Their Keepers*, Tidewater Press, 2020.');
    });

    it('builds the section from the draft citations and puts it before the footnotes', () => {
      const engine = engineWithSources();
      const linked = linkBibliography(bib, engine.sourceList());
      const draft = 'Ships are logged [@jones2020]. Silt was removed.[^1]\n\n[^1]: sources/harbour-dredging-report.md, line 3.\n';
      const entries = citedEntries(draft, engine.check(draft), linked);
      assert.deepEqual(entries.map((e) => e.key), ['jones2020', 'harbourDredging2019']);
      const numeric = referencesSection(entries, 'numeric');
      assert.equal(numeric, '## References\n\n1. Jones L, van der Berg A. Harbours and Their Keepers. Tidewater Press; 2020.\n' +
        '2. Port Alder Harbour Authority. Harbour Dredging Report 2019 [Internet]. Port Alder Harbour Authority; 2019. Available from: <https://example.org/dredging>\n');
      const out = applyEdits(draft, referencesEdits(draft, numeric));
      assert.equal(out, `Ships are logged [@jones2020]. Silt was removed.[^1]\n\n${numeric}\n[^1]: sources/harbour-dredging-report.md, line 3.\n`);
      // Running it again replaces the section instead of adding a second one.
      const apa = referencesSection(entries, 'author-date');
      const twice = applyEdits(out, referencesEdits(out, apa));
      assert.equal(twice.match(/## References/g)?.length, 1);
      assert.match(twice, /## References\n\nJones, L\., & van der Berg, A\. \(2020\)\. \*Harbours and Their Keepers\*\. Tidewater Press\.\n\nPort Alder Harbour Authority\. \(2019\)\. \*Harbour Dredging Report 2019\*\. Port Alder Harbour Authority\. <https:\/\/example\.org\/dredging>\n\n\[\^1\]/);
    });
  });

  describe('CLI', () => {
    let ws: string;
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(argv, ws, (x) => out.push(x), (x) => err.push(x));
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    };
    before(() => {
      ws = mkdtempSync(path.join(tmpdir(), 'gw-bib-'));
      mkdirSync(path.join(ws, 'sources'));
      for (const [p, t] of Object.entries(SOURCES)) writeFileSync(path.join(ws, p), t);
      writeFileSync(path.join(ws, 'library.bib'), BBT);
      writeFileSync(path.join(ws, 'zotero.json'), CSL);
      writeFileSync(path.join(ws, 'draft.md'), 'The harbour master keeps a log of every ship that enters the port [@jones2020].\n\n' +
        'Dredging removed 40,000 cubic metres of silt from the harbour [@jones2020]. The tide gauge recorded a high of 4.2 metres [@nokey].\n');
    });
    after(() => rmSync(ws, { recursive: true, force: true }));

    it('check --bibliography reports unresolved and wrong-source citations in text, json and sarif', async () => {
      const text = await run('check', '--bibliography', 'library.bib', '--bibliography', 'zotero.json', 'draft.md');
      assert.equal(text.code, 1);
      assert.match(text.stderr, /^groundwork: library\.bib:40: @online entry at line 40 skipped: unbalanced braces/m);
      assert.match(text.stderr, /zotero\.json:24: item 2 at line 24 skipped: it has no "id"/);
      const lines = text.stdout.split('\n');
      assert.ok(lines.includes('draft.md:3:65  wrong-source  cites jones2020, which does not support this sentence; harbourDredging2019 (harbour-dredging-report.md), line 3 does'), text.stdout);
      assert.ok(lines.some((l) => /^draft\.md:3:\d+  unresolved-citation  unresolved citation: no bibliography entry or source is called "nokey"$/.test(l)), text.stdout);
      assert.match(text.stdout, /^2 citation problems$/m);
      const json = JSON.parse((await run('check', '--format', 'json', '--bibliography', 'library.bib', 'draft.md')).stdout);
      const findings = json.files[0].findings;
      assert.deepEqual(findings.map((f: { rule: string; key: string }) => [f.rule, f.key]), [['wrong-source', 'jones2020'], ['unresolved-citation', 'nokey']]);
      assert.deepEqual(findings[0].fixes, [{ title: 'Cite harbourDredging2019 instead', edits: [{ line: 3, column: 63, endLine: 3, endColumn: 75, replacement: '[@harbourDredging2019, line 3]' }] }]);
      const sarif = JSON.parse((await run('check', '--format', 'sarif', '--bibliography', 'library.bib', 'draft.md')).stdout);
      const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
      assert.ok(rules.includes('wrong-source') && rules.includes('unresolved-citation'));
      assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['unresolved-citation', 'wrong-source']);
      for (const r of sarif.runs[0].results) assert.equal(rules[r.ruleIndex], r.ruleId);
    });

    it('reads "bibliography" and "references" from groundwork.json; references prints or writes the list', async () => {
      const off = await run('references', '--bibliography', 'library.bib', 'draft.md');
      assert.equal(off.code, 2);
      assert.match(off.stderr, /the references list is off: pass --style/);
      writeFileSync(path.join(ws, 'groundwork.json'), JSON.stringify({ sources: ['sources'], bibliography: ['library.bib'], references: 'numeric' }));
      const r = await run('references', 'draft.md');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '## References\n\n1. Jones L, van der Berg A. Harbours and Their Keepers. Tidewater Press; 2020.');
      const w = await run('references', '--style', 'author-date', '--write', 'draft.md');
      assert.equal(w.code, 0);
      assert.match(readFileSync(path.join(ws, 'draft.md'), 'utf8'), /\[@nokey\]\.\n\n## References\n\nJones, L\., & van der Berg, A\. \(2020\)\. \*Harbours and Their Keepers\*\. Tidewater Press\.\n$/);
      assert.equal((await run('check', 'draft.md')).code, 1);
      assert.equal((await run('check', '--bibliography', 'missing.bib', 'draft.md')).code, 2);
    });
  });
});
