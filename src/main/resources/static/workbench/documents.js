// Source documents on the page: each quote in the sentence around it with the quote marked, whether it was checked
// against its source's document, the document itself around a quote (for those allowed to read it), search over the
// documents, and (for investigators) attaching a document to a source. Text is only ever set as text, never as HTML.

import { h, fill } from './dom.js';
import { graphql, queries, attachDocument } from './api.js';

/** How many characters of a document the document view shows at once, and how far before a quote its page starts. */
const PAGE = 4000;
const BEFORE = 600;

/** What this module needs from the page; set once by setUpDocuments. */
const page = { viewer: () => null, choose: () => {}, refresh: () => {}, $: id => document.getElementById(id) };

// ---- a quote in its context --------------------------------------------------------------------------------------

const PLAIN = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00a0': ' ' };
/** The whitespace the server's rule collapses: what Java's \s matches (ASCII). */
const SPACE = new Set([' ', '\t', '\n', '\u000b', '\f', '\r']);

/**
 * The server's quote rule (org.datatrail.ingest.Quotes): typographic quotes and apostrophes count as plain ones, a
 * no-break space as a space, a run of whitespace as one space, leading and trailing whitespace dropped. `origin[i]` is
 * where the i-th character of the result stands in `text` (a run of whitespace at its first character).
 */
export function normalise(text) {
  let out = '';
  const origin = [];
  let pendingSpace = false;
  let spaceAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = PLAIN[text[i]] || text[i];
    if (SPACE.has(c)) {
      if (!pendingSpace) {
        pendingSpace = true;
        spaceAt = i;
      }
      continue;
    }
    if (pendingSpace && out.length) {
      origin.push(spaceAt);
      out += ' ';
    }
    pendingSpace = false;
    origin.push(i);
    out += c;
  }
  return { text: out, origin };
}

/** Where `quote` first stands in `text` by that rule, as [start, end) offsets into `text`; null when it does not. */
export function locate(quote, text) {
  const q = normalise(quote).text;
  const t = normalise(text);
  const at = q ? t.text.indexOf(q) : -1;
  return at < 0 ? null : { start: t.origin[at], end: t.origin[at + q.length - 1] + 1 };
}

/** `text` with the stretches [start, end) of `ranges` (in order, not overlapping) marked. */
function marked(text, ranges) {
  const parts = [];
  let at = 0;
  for (const r of ranges) {
    parts.push(text.slice(at, r.start), h('mark', {}, h('bdi', {}, text.slice(r.start, r.end))));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.filter(p => p !== '');
}

/** The quote in the sentence around it in the document, the quote marked; the quote alone where there is no context. */
export function quoteText(e) {
  const at = e.context ? locate(e.quote, e.context) : null;
  return at ? h('p', { class: 'in-context', title: 'The sentence around the quote in the source’s document' }, marked(e.context, [at]))
    : h('p', {}, '“', h('bdi', {}, e.quote), '”');
}

/** Checked against the document, not found in it, or unchecked (its source has no document). */
export function checkMark(e) {
  if (!e.check) {
    return null;
  }
  if (e.source.document && e.start !== null && e.start !== undefined) {
    return h('span', { class: 'check found', title: 'Found word for word in the document attached to the source' }, '✓ checked against the document');
  }
  if (e.source.document) {
    return h('span', { class: 'check not-found', title: 'The document attached to the source does not hold this quote' }, '✗ not found in the attached document');
  }
  return h('span', { class: 'check unchecked', title: 'Taken on trust: the source has no document to check it against' }, 'unchecked (no document attached)');
}

/** Whether the caller may read a source's whole text: everyone but journalists, and journalists for public sources (the API decides again). */
function mayRead(source) {
  const viewer = page.viewer();
  return !!viewer && (viewer.role !== 'JOURNALIST' || source.public);
}

/** Under a quote: its check, and the way to its document (or why there is none to show). */
export function documentLine(e) {
  const s = e.source;
  let action = null;
  if (s.document && mayRead(s)) {
    const at = e.start !== null && e.start !== undefined ? { start: e.start, end: e.end } : null;
    action = h('button', { type: 'button', class: 'linkish show-document', onclick: () => showDocument(s, at) }, 'Show in document');
  } else if (s.document) {
    action = h('span', { class: 'hint not-public' }, 'The full text of this source is not public.');
  } else if (page.viewer()?.mayRecord) {
    action = h('button', { type: 'button', class: 'linkish', onclick: () => offerAttach(s.id) }, 'Attach its document…');
  }
  return h('div', { class: 'quote-doc' }, checkMark(e), action);
}

// ---- the document view -------------------------------------------------------------------------------------------

const shown = { source: null, highlight: null, from: 0, characters: 0 };

/** Opens the document view on `source`, at the page holding `highlight` ({start, end}, marked), or at its start. */
export async function showDocument(source, highlight) {
  Object.assign(shown, { source, highlight, from: highlight ? Math.max(0, highlight.start - BEFORE) : 0, characters: source.document?.characters || 0 });
  page.$('document-title').textContent = source.title;
  const dialog = page.$('document-view');
  if (!dialog.open) {
    dialog.showModal();
  }
  await loadPage();
}

async function loadPage() {
  const text = page.$('document-text');
  fill(text, h('span', { class: 'hint' }, 'Loading…'));
  try {
    const { source } = await graphql(queries.documentText, { id: shown.source.id, start: shown.from, length: PAGE });
    const doc = source?.document;
    if (!doc || doc.text === null) {
      fill(text, h('p', { class: 'hint not-public' }, doc ? 'The full text of this source is not public: you may read its quotes and their context only.'
        : 'No document is attached to this source.'));
      setPosition(null);
      return;
    }
    shown.characters = doc.characters;
    // the part of the highlighted stretch on this page, as offsets into the page
    const q = shown.highlight;
    const from = Math.max(q?.start ?? 0, shown.from) - shown.from;
    const to = Math.min(q?.end ?? 0, shown.from + doc.text.length) - shown.from;
    fill(text, q && from < to ? marked(doc.text, [{ start: from, end: to }]) : doc.text);
    setPosition(doc.text.length);
    const mark = text.querySelector('mark');
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
    } else {
      text.scrollTop = 0;
    }
  } catch (error) {
    fill(text, h('p', { class: 'hint' }, 'Could not read the document: ' + error.message));
  }
}

function setPosition(length) {
  const where = page.$('document-where');
  where.textContent = length === null ? '' : 'characters ' + (shown.from + 1).toLocaleString('en-GB') + '–'
    + (shown.from + length).toLocaleString('en-GB') + ' of ' + shown.characters.toLocaleString('en-GB');
  page.$('document-previous').disabled = length === null || shown.from === 0;
  page.$('document-next').disabled = length === null || shown.from + PAGE >= shown.characters;
}

function turn(by) {
  shown.from = Math.max(0, shown.from + by);
  loadPage();
}

// ---- searching the documents -------------------------------------------------------------------------------------

/** Runs searchDocuments for `text` and lists the passages in the evidence panel. */
export async function searchDocuments(text) {
  const panel = page.$('evidence');
  const words = text.trim();
  if (!/[\p{L}\p{N}]/u.test(words)) {
    fill(panel, h('p', { class: 'hint' }, 'Type words to find in the documents.'));
    return;
  }
  fill(panel, h('p', { class: 'hint' }, 'Searching the documents…'));
  try {
    const found = (await graphql(queries.searchDocuments, { text: words, first: 20 })).searchDocuments;
    const journalist = page.viewer()?.role === 'JOURNALIST';
    fill(panel, h('h2', {}, 'In the documents: “' + words + '”'),
      h('p', { class: 'hint' }, found.length ? (found.length === 20 ? 'The best 20 passages' : found.length + ' passage' + (found.length === 1 ? '' : 's'))
        : 'No attached document has every one of these words.', journalist ? ' (journalists search public sources only)' : ''),
      h('ol', { class: 'passages', id: 'passages' }, found.map(passageItem)));
    panel.scrollTop = 0;
  } catch (error) {
    fill(panel, h('p', { class: 'hint' }, 'Document search failed: ' + error.message));
  }
}

/** A passage: its source, its text with the words found marked, the organisations it names (each opens as a search result does). */
function passageItem(p) {
  const s = p.source;
  return h('li', { class: 'passage', dataset: { source: s.id, start: p.start } },
    h('div', { class: 'passage-source' }, h('strong', {}, s.title), s.publisher ? ' — ' + s.publisher : null, s.published ? ' — ' + s.published : null),
    h('p', {}, marked(p.text, p.highlights)),
    p.mentions.length ? h('p', { class: 'mentions' }, 'Names: ', p.mentions.flatMap((o, i) => [i ? ', ' : null,
      h('button', { type: 'button', class: 'linkish', dataset: { org: o.id }, onclick: () => page.choose(o.id) }, o.name)])) : null,
    mayRead(s) ? h('button', { type: 'button', class: 'linkish show-document', onclick: () => showDocument(s, { start: p.start, end: p.end }) },
      'Show in document') : null);
}

// ---- attaching a document ----------------------------------------------------------------------------------------

/** Points the attach form at a source and brings it into view. */
function offerAttach(sourceId) {
  const form = page.$('attach-document');
  form.elements.source.value = sourceId;
  form.scrollIntoView({ block: 'center' });
  form.elements.file.focus();
}

/** What the server answered: the text's size, how many quotes citing the source it checked, and those it does not hold. */
function attachAnswer(a) {
  const missing = a.quotesNotFound;
  return [
    h('strong', {}, a.created ? 'Attached to ' + a.source + '.' : 'This file is already attached to ' + a.source + ': nothing changed.'),
    ' ' + a.characters.toLocaleString('en-GB') + ' characters of text; ' + a.quotesChecked + ' quote' + (a.quotesChecked === 1 ? '' : 's')
      + ' citing it checked' + (missing.length ? ', ' + missing.length + ' not found in it:' : (a.quotesChecked ? ', all found in it.' : '.')),
    missing.length ? h('ul', { class: 'facts', id: 'quotes-not-found' }, missing.map(m => h('li', {}, h('strong', {}, m.fact), ': “' + m.quote + '”'))) : null
  ];
}

function setUpAttach() {
  const form = page.$('attach-document');
  const result = page.$('attach-result');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      return;
    }
    result.classList.remove('error');
    fill(result, 'Attaching ' + file.name + '…');
    try {
      fill(result, attachAnswer(await attachDocument(form.elements.source.value, file)));
      form.elements.file.value = '';
      page.refresh();
    } catch (error) {
      result.classList.add('error');
      fill(result, 'Not attached: ' + error.message);
    }
  });
}

/**
 * Wires the document view, document search and the attach form. `viewer()` is who is asking (role, mayRecord),
 * `choose(id)` opens an organisation, `refresh()` shows the selected fact again (its quotes' checks may have changed).
 */
export function setUpDocuments({ viewer, choose, refresh, $ }) {
  Object.assign(page, { viewer, choose, refresh, $ });
  $('document-previous').addEventListener('click', () => turn(-PAGE));
  $('document-next').addEventListener('click', () => turn(PAGE));
  $('document-close').addEventListener('click', () => $('document-view').close());
  $('search-documents').addEventListener('click', () => searchDocuments($('search').value));
  setUpAttach();
}
