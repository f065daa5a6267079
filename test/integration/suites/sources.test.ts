import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, ours, openDraft, verdict, when, ws, revertAll } from '../helpers';

const enc = new TextEncoder();
const dec = new TextDecoder();

suite('following source files', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('editing a source changes the verdict of a claim that cites it', async () => {
    const doc = (await openDraft('drafts/notes.tex')).document;
    const minutes = ws('sources/harbor-council-minutes.md');
    const original = dec.decode(await vscode.workspace.fs.readFile(minutes));
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'notes are supported');
    try {
      await vscode.workspace.fs.writeFile(minutes, enc.encode(original.replace('1 September 2023', '1 November 2023')));
      const d = await diagnosticsWhere(doc.uri, (d) => d.length === 1, 'the ferry date is now contradicted');
      assert.strictEqual(verdict(d[0]), 'contradicted');
      assert.match(d[0].message, /1 November 2023/);
    } finally {
      await vscode.workspace.fs.writeFile(minutes, enc.encode(original));
    }
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'supported again after restoring the source');
  });

  test('a new source is indexed and a deleted one dropped', async () => {
    const api = await groundwork();
    const added = ws('sources/tourism-office.md');
    const doc = (await openDraft('drafts/article.md')).document;
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'unsupported'), 'tourism claim unsupported');
    await vscode.workspace.fs.writeFile(added, enc.encode('# Tourist office report\n\nTourism in the town doubled last summer after a film was shot on the quay.\n'));
    await when(api.onDidIndex, () => api.stats().sources === 4, 'the new source indexed');
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => verdict(x) === 'unsupported'), 'the tourism claim is now supported');
    await vscode.workspace.fs.delete(added);
    await when(api.onDidIndex, () => api.stats().sources === 3, 'the deleted source dropped');
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'unsupported'), 'unsupported again');
    assert.deepStrictEqual(ours(doc.uri).map(verdict), ['contradicted', 'misquote', 'unsupported']);
  });
});

/** A small PDF with one line of text per page (Helvetica, no compression). */
function tinyPdf(pages: string[]): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: number[] = [];
  for (const line of pages) {
    const content = `BT /F1 11 Tf 72 760 Td (${line}) Tj ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => { const at = out.length; out += `${i + 1} 0 obj\n${body}\nendobj\n`; return at; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

suite('opening sources', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('a PDF source opens as a file at the passage page, not as a text document', async () => {
    const api = await groundwork();
    const pdf = ws('sources/pier-report.pdf');
    const before = api.stats().sources;
    await vscode.workspace.fs.writeFile(pdf, tinyPdf(['Pier report', 'The pier reopened in May 2024 after repairs.']));
    try {
      await when(api.onDidIndex, () => api.stats().sources === before + 1, 'the PDF indexed');
      const opened: string[] = [];
      const sub = vscode.workspace.onDidOpenTextDocument((d) => opened.push(d.uri.toString()));
      let editor: vscode.TextEditor | undefined;
      try {
        editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('groundwork.openSource',
          { source: 'sources/pier-report.pdf', line: 1, column: 1, page: 2 });
      } finally { sub.dispose(); }
      assert.strictEqual(editor, undefined, 'no text editor at a line for a PDF');
      // The file goes to vscode.open at #page=2. Without a PDF viewer (as here) VS Code shows it in its own
      // binary placeholder, which may load a document: for the URI with the page, never the bare file.
      const pdfDocs = opened.filter((u) => u.includes('pier-report.pdf'));
      assert.ok(pdfDocs.every((u) => vscode.Uri.parse(u).fragment === 'page=2'), `only the page URI was opened: ${pdfDocs.join(', ')}`);
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
        .find((t) => (t.input as { uri?: vscode.Uri } | undefined)?.uri?.path.endsWith('/pier-report.pdf'));
      assert.ok(tab, 'the PDF is open in an editor tab');
      assert.strictEqual((tab.input as { uri: vscode.Uri }).uri.fragment, 'page=2');
      await vscode.window.tabGroups.close(tab);
    } finally {
      await vscode.workspace.fs.delete(pdf);
    }
    await when(api.onDidIndex, () => api.stats().sources === before, 'the PDF dropped');
  });
});
