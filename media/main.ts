// The quote panel's script. Everything from the extension is data: it is validated, then rendered
// with textContent and DOM nodes only (never innerHTML), so a source containing <script> shows as text.
import { highlightRanges, isToWebview, type FromWebview, type PanelItem, type ToWebview } from '../src/shared/messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): { query?: string } | undefined;
  setState(state: { query: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const input = document.getElementById('query') as HTMLInputElement;
const note = document.getElementById('note') as HTMLDivElement;
const list = document.getElementById('results') as HTMLUListElement;
let seq = 0;
let selected = -1;
let items: PanelItem[] = [];

input.value = vscode.getState()?.query ?? '';

function send(): void {
  seq++;
  vscode.setState({ query: input.value });
  vscode.postMessage({ type: 'search', query: input.value.slice(0, 500), seq });
}

function button(label: string, title: string, type: 'open' | 'insert' | 'copy', id: number): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.title = title;
  b.className = `action ${type}`;
  b.tabIndex = -1;
  b.addEventListener('click', (e) => { e.stopPropagation(); vscode.postMessage({ type, id }); });
  return b;
}

/** The passage text with the query's words wrapped in <mark>, built from text nodes. */
function highlighted(text: string, query: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of highlightRanges(text, query)) {
    frag.append(document.createTextNode(text.slice(at, s)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s, e);
    frag.append(mark);
    at = e;
  }
  frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

function render(m: Extract<ToWebview, { type: 'results' }>): void {
  items = m.items;
  selected = items.length ? 0 : -1;
  note.textContent = m.note ?? (m.mode === 'search' ? `${items.length} passage${items.length === 1 ? '' : 's'}` : '');
  list.replaceChildren(...items.map((item, i) => {
    const li = document.createElement('li');
    li.className = 'result';
    li.setAttribute('role', 'option');
    li.dataset.index = String(i);
    const quote = document.createElement('blockquote');
    quote.append(highlighted(item.text, m.query));
    const meta = document.createElement('div');
    meta.className = 'meta';
    const where = document.createElement('span');
    where.className = 'source';
    where.textContent = `${item.source.split('/').pop()}:${item.line}`;
    where.title = item.source;
    meta.append(where, button('Open', 'Open the source at this passage', 'open', item.id),
      button('Insert', 'Insert the quote with its citation at the cursor', 'insert', item.id),
      button('Copy', 'Copy the quote and its source', 'copy', item.id));
    li.append(quote, meta);
    li.addEventListener('click', () => select(i));
    li.addEventListener('dblclick', () => vscode.postMessage({ type: 'insert', id: item.id }));
    return li;
  }));
  select(selected, false);
}

function select(i: number, scroll = true): void {
  selected = i;
  list.querySelectorAll('li.result').forEach((li, j) => {
    li.classList.toggle('selected', j === i);
    li.setAttribute('aria-selected', String(j === i));
  });
  if (scroll) list.children[i]?.scrollIntoView({ block: 'nearest' });
}

input.addEventListener('input', send);
document.addEventListener('keydown', (e) => {
  if (!items.length) return;
  const id = items[selected]?.id;
  if (e.key === 'ArrowDown') { select(Math.min(items.length - 1, selected + 1)); e.preventDefault(); }
  else if (e.key === 'ArrowUp') { select(Math.max(0, selected - 1)); e.preventDefault(); }
  else if (e.key === 'Enter' && id !== undefined) { vscode.postMessage({ type: e.shiftKey ? 'open' : 'insert', id }); e.preventDefault(); }
  else if (e.key === 'c' && (e.ctrlKey || e.metaKey) && id !== undefined && !window.getSelection()?.toString()) {
    vscode.postMessage({ type: 'copy', id });
    e.preventDefault();
  }
});

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const m = e.data;
  if (!isToWebview(m)) return;
  if (m.type === 'status') { note.textContent = m.text; return; }
  if (m.seq < seq && m.mode === 'search') return; // an answer to an older keystroke
  render(m);
});

vscode.postMessage({ type: 'ready' });
if (input.value) send();
input.focus();
