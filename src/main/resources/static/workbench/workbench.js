// The investigation workbench: search -> an organisation -> its flows as a graph, the evidence of each fact,
// a timeline, exports, and (for investigators) recording findings. Everything on the page comes from /graphql.
// The page's state lives in its URL, so a link reopens the same view.

import { graphql, graphqlAll, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { draw, graphOf, highlight } from './graph.js';
import { chainItem } from './chains.js';
import { organisationPanel, transferPanel, enforcementPanel, datasetPanel, derivationPanel, timelinePanel, statusText } from './evidence.js';
import { setUpRecording } from './record.js';
import { setUpDocuments, searchDocuments } from './documents.js';
import { DEFAULTS, state, view, changeState, stateFromUrl, clampHops, writeUrl } from './state.js';
import { say, failed } from './message.js';
import { askViewer, setUpViewer } from './viewer.js';
import { setUpSharing, exportChains } from './share.js';

const MAX_PAGES = 10; // 1,000 chains: far more than a person reads, enough for a broker's fan-out

window.workbench = view; // for the browser console: view.cy is the Cytoscape graph

/**
 * Loads what the page shows for the current caller: the vocabulary (purposes, sources) and the view the URL
 * names. At start-up, and again once a token is accepted: where anonymous access is off nothing could be read
 * before, and an investigator may see more than a journalist. Without a caller (no access) there is nothing to load.
 */
async function loadForViewer() {
  if (!view.viewer) {
    return;
  }
  await loadVocabulary();
  stateFromUrl();
  showControls();
  await openOrganisation();
}

setUpViewer(loadForViewer);

// ---- search with suggestions -----------------------------------------------------------------------------

let searchTimer = null;
let searchSeq = 0;
let suggestions = [];
let active = -1;

$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(suggest, 180);
});
$('search').addEventListener('keydown', event => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    active = Math.max(0, Math.min(suggestions.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
    renderSuggestions();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const choice = suggestions[Math.max(active, 0)];
    if (choice) {
      choose(choice.id);
    } else {
      suggest();
    }
  } else if (event.key === 'Escape') {
    $('suggestions').hidden = true;
  }
});
document.addEventListener('click', event => {
  if (!event.target.closest('.search')) {
    $('suggestions').hidden = true;
  }
});

async function suggest() {
  const text = $('search').value.trim();
  const seq = ++searchSeq;
  if (!/[\p{L}\p{N}]/u.test(text)) {
    suggestions = [];
    renderSuggestions();
    return;
  }
  try {
    const found = (await graphql(queries.search, { text })).search;
    if (seq === searchSeq) {
      suggestions = found;
      active = found.length ? 0 : -1;
      renderSuggestions();
    }
  } catch (error) {
    failed('Search failed')(error);
  }
}

function renderSuggestions() {
  const list = $('suggestions');
  const words = $('search').value.toLowerCase().split(/\s+/).filter(Boolean);
  fill(list, suggestions.length ? suggestions.map((o, i) => {
    const alias = o.aliases.find(a => words.some(w => a.toLowerCase().includes(w)));
    return h('li', { role: 'option', 'aria-selected': i === active ? 'true' : 'false', dataset: { id: o.id }, onclick: () => choose(o.id) },
      o.name, alias && !o.name.toLowerCase().includes(words[0] || '') ? h('span', { class: 'alias' }, '  also: ' + alias) : null);
  }) : h('li', { class: 'none' }, 'No organisation by that name'),
  h('li', { class: 'documents', id: 'suggest-documents', onclick: () => { list.hidden = true; searchDocuments($('search').value); } },
    'Search the documents for “' + $('search').value.trim() + '” →'));
  list.hidden = !$('search').value.trim();
}

function choose(id) {
  $('suggestions').hidden = true;
  changeState({ org: id, ds: '', sel: '' });
  writeUrl(true);
  openOrganisation();
}

// ---- the organisation view -------------------------------------------------------------------------------

async function openOrganisation() {
  if (!state.org) {
    return;
  }
  say('');
  try {
    const { organisation } = await graphql(queries.organisation, { id: state.org });
    if (!organisation) {
      say('No organisation with id "' + state.org + '".', true);
      return;
    }
    view.organisation = organisation;
    document.title = organisation.name + ' — DataTrail workbench';
    renderOrganisation(organisation);
    fillCategories();
    await trace();
  } catch (error) {
    failed('Could not open ' + state.org)(error);
  }
}

function renderOrganisation(o) {
  const open = id => h('button', { type: 'button', class: 'linkish', onclick: () => choose(id) });
  fill($('organisation'),
    h('h2', { class: 'org-name', id: 'org-name' }, o.name),
    h('p', {}, o.types.map(t => h('span', { class: 'badge' }, t))),
    o.aliases.length ? h('p', {}, h('span', { class: 'hint' }, 'Also: '), o.aliases.join(' · ')) : null,
    o.description ? h('p', {}, o.description) : null,
    o.partOf ? h('p', {}, 'Part of ', Object.assign(open(o.partOf.id), { textContent: o.partOf.name })) : null,
    h('button', { type: 'button', class: 'linkish', onclick: () => select('org:' + o.id) }, 'Evidence for this organisation →'),
    h('h3', {}, 'Datasets (' + o.datasets.length + ')'),
    h('ul', { class: 'facts' }, o.datasets.map(d => h('li', {},
      h('button', { type: 'button', class: 'linkish', onclick: () => select('dataset:' + d.id) }, d.name),
      d.dataCategories.some(c => c.concernsChildren) ? [' ', h('span', { class: 'badge kids' }, 'children')] : null))),
    h('h3', {}, 'Enforcement (' + o.enforcementActions.length + ')'),
    h('ul', { class: 'facts', id: 'enforcement' }, o.enforcementActions.map(a => h('li', {},
      h('button', { type: 'button', class: 'linkish', onclick: () => select('enforcement:' + a.id) },
        a.regulator.name + ': ' + a.kind.toLowerCase().replaceAll('_', ' ')
          + (a.amount !== null ? ' ' + (a.currency || '') + ' ' + Number(a.amount).toLocaleString('en-GB') : '')
          + (a.against.id !== o.id ? ' against ' + a.against.name : '')),
      a.status && a.status !== 'TAKEN' ? [' ', h('span', { class: 'badge status' }, statusText(a.status))] : null))),
    o.campaigns.length ? [h('h3', {}, 'Campaigns'), h('ul', { class: 'facts' }, o.campaigns.map(c => h('li', {}, c.name)))] : null,
    h('h3', {}, 'Flows'),
    h('p', {}, h('button', { type: 'button', class: 'linkish', id: 'show-down', onclick: () => setControls({ dir: 'down', ds: '' }) }, 'Downstream: where its data went'),
      h('br'), h('button', { type: 'button', class: 'linkish', id: 'show-up', onclick: () => setControls({ dir: 'up', ds: '' }) },
        'Upstream: who fed it' + (o.received.length ? ' (' + o.received.length + (o.received.length === 20 ? '+' : '') + ' transfers in)' : ''))));
}

// ---- controls --------------------------------------------------------------------------------------------

const CONTROLS = ['dir', 'hops', 'since', 'until', 'purpose', 'cat'];

function showControls() {
  for (const key of CONTROLS) {
    $(key).value = state[key] || DEFAULTS[key];
  }
  $('children').checked = state.children === '1';
  $('connections').checked = state.conn === '1';
  $('tl').value = state.tl;
  // a dataset's trail follows its data wherever it went: the flow controls other than hops do not apply to it
  for (const key of ['dir', 'since', 'until', 'purpose', 'cat', 'children', 'connections']) {
    $(key).disabled = !!state.ds;
  }
  $('trail-off').hidden = !state.ds;
}

/** Applies changed controls and traces again; the selection is dropped (it may not be on the new graph) unless `keep` names one. */
function setControls(changes, keep = '') {
  changeState({ ...changes, sel: keep });
  writeUrl(false);
  showControls();
  trace();
}

for (const key of CONTROLS) {
  $(key).addEventListener('change', () => {
    if (key === 'hops') {
      // clamp a number, and put back the last good value for anything else
      $('hops').value = clampHops($('hops').value, state.hops);
    }
    setControls({ [key]: $(key).value });
  });
}
$('children').addEventListener('change', () => setControls({ children: $('children').checked ? '1' : '' }));
$('connections').addEventListener('change', () => setControls({ conn: $('connections').checked ? '1' : '' }));
$('tl').addEventListener('change', () => {
  changeState({ tl: $('tl').value });
  writeUrl(false);
  loadTimeline();
});
$('controls').addEventListener('submit', event => event.preventDefault());
$('trail-off').addEventListener('click', () => setControls({ ds: '' }));

function fillCategories() {
  const select = $('cat');
  const seen = new Map();
  for (const d of view.organisation?.datasets || []) {
    d.dataCategories.forEach(c => seen.set(c.id, c.name));
  }
  for (const chain of view.chains) {
    chain.transfers.forEach(t => t.dataset?.dataCategories.forEach(c => seen.set(c.id, c.name)));
  }
  if (state.cat && !seen.has(state.cat)) {
    seen.set(state.cat, state.cat);
  }
  fill(select, h('option', { value: '' }, 'any'), [...seen].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => h('option', { value: id }, name)));
  select.value = state.cat;
}

async function loadVocabulary() {
  try {
    view.vocabulary = await graphqlAll(queries.vocabulary, 'sources');
    fill($('purpose'), h('option', { value: '' }, 'any'), view.vocabulary.purposes.map(p => h('option', { value: p.id }, p.name)));
    $('purpose').value = state.purpose;
    // loaded again after a token is accepted: keep what was already chosen in the forms
    const refill = (select, options) => {
      const chosen = new Set([...select.selectedOptions].map(o => o.value));
      fill(select, options);
      [...select.options].forEach(o => { o.selected = chosen.has(o.value); });
    };
    for (const form of ['record-transfer', 'record-organisation', 'attach-document']) {
      refill($(form).elements.source, view.vocabulary.sources.map(s => h('option', { value: s.id },
        [s.publisher, s.title, s.published].filter(Boolean).join(' — ').slice(0, 110))));
    }
    refill($('record-transfer').elements.purposes, view.vocabulary.purposes.map(p => h('option', { value: p.id }, p.name)));
  } catch (error) {
    failed('Could not load the vocabulary')(error);
  }
}

// ---- the trace and its graph -----------------------------------------------------------------------------

let traceSeq = 0;

async function trace() {
  if (!view.organisation) {
    return;
  }
  const seq = ++traceSeq;
  const upstream = state.dir === 'up';
  const trail = state.ds;
  // the API applies every control, upstream as downstream, by the same rules
  const variables = { maxHops: Number(state.hops) || 4, since: state.since || null, until: state.until || null,
    dataCategory: state.cat || null, childrenOnly: state.children === '1', purpose: state.purpose || null,
    // CONNECTION answers every chain of transfers, each labelled: DATA ones and those that only connect organisations
    follow: state.conn === '1' ? 'CONNECTION' : 'DATA' };
  Object.assign(variables, upstream ? { to: state.org } : { from: state.org });
  const query = trail ? queries.datasetTrail : upstream ? queries.upstream : queries.downstream;
  $('graph-status').textContent = 'Tracing…';
  try {
    let chains = [];
    let after = null;
    let complete = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      const data = await graphql(query, trail ? { id: trail, maxHops: variables.maxHops, after } : { ...variables, after });
      if (trail && !data.dataset) {
        throw new Error('no dataset with id "' + trail + '"');
      }
      view.dataset = trail ? data.dataset : null;
      const answer = data.chains;
      chains = chains.concat(answer);
      if (answer.length < 100) {
        complete = true;
        break;
      }
      after = answer[answer.length - 1].cursor;
    }
    if (seq !== traceSeq) {
      return;
    }
    view.chains = chains;
    view.complete = complete;
    renderGraph();
    renderChains();
    fillCategories();
    await loadTimeline();
    if (state.sel) {
      select(state.sel, false);
    }
  } catch (error) {
    $('graph-status').textContent = 'Trace failed.';
    failed('Trace failed')(error);
  }
}

function renderGraph() {
  // a dataset's trail starts at its holder
  const start = view.dataset?.heldBy || view.organisation;
  view.model = graphOf(view.chains, start.id);
  if (!view.chains.length) {
    view.model.nodes.set(start.id, start);
  }
  view.cy = draw($('graph'), view.model, { onSelect: (kind, id) => select(kind + ':' + id), onOpen: choose, previous: view.cy });
  const red = [...view.model.edges.values()].filter(e => e.explanations.length).length;
  const connections = view.chains.filter(c => c.basis === 'CONNECTION').length;
  const chains = state.conn === '1' && !view.dataset ? count(view.chains.length - connections, 'data chain') + ' and ' + count(connections, 'connection chain')
    : count(view.chains.length, 'chain');
  $('graph-status').textContent = (view.dataset ? 'Where ' + view.dataset.name + ' went: ' : '') + count(view.model.nodes.size, 'organisation') + ', ' + count(view.model.edges.size, 'transfer') + ' in '
    + chains + (view.complete ? '' : ' (the first ' + view.chains.length + ')')
    + (red ? ' · ' + red + ' where consent ran out' : '');
  $('export-csv').disabled = $('export-json').disabled = !view.chains.length;
}

const count = (n, noun) => n + ' ' + noun + (n === 1 ? '' : 's');

$('zoom-in').addEventListener('click', () => view.cy?.zoom({ level: view.cy.zoom() * 1.4, renderedPosition: centre() }));
$('zoom-out').addEventListener('click', () => view.cy?.zoom({ level: view.cy.zoom() / 1.4, renderedPosition: centre() }));
$('fit').addEventListener('click', () => view.cy?.fit(undefined, 30));
const centre = () => ({ x: $('graph').clientWidth / 2, y: $('graph').clientHeight / 2 });

function renderChains() {
  const explained = new Map();
  fill($('chain-list'), view.chains.slice(0, 200).map((chain, index) => chainItem(chain, index + 1,
    { select, explained, exportChain: (c, format) => exportChains([c], format, index + 1) })),
  view.chains.length > 200 ? h('li', { class: 'hint' }, (view.chains.length - 200) + ' more chains are drawn in the graph and exported') : null,
  view.chains.length ? null : h('li', { class: 'hint' }, 'No chains with these controls.'));
}

// ---- the timeline ----------------------------------------------------------------------------------------

/** The timeline of the organisation alone, or of everyone on the traced chains (the API takes up to 100). */
async function loadTimeline() {
  if (!state.org || !view.model) {
    return;
  }
  const others = state.tl === 'org' ? [] : [...view.model.nodes.keys()].filter(id => id !== state.org);
  const ids = [state.org, ...others].slice(0, 100);
  try {
    view.timeline = (await graphql(queries.timeline, { organisations: ids })).timeline;
  } catch (error) {
    failed('Could not load the timeline')(error);
    view.timeline = [];
  }
  fill($('timeline-list'), view.timeline.map(entry => h('li', {},
    entry.date ? h('span', { class: 'when' }, entry.date)
      : h('span', { class: 'when undated', title: 'No source dates it' }, 'undated' + (entry.firstReported ? ', reported by ' + entry.firstReported : '')),
    ' ', h('span', { class: 'kind' }, entry.kind.toLowerCase()),
    h('button', { type: 'button', class: 'linkish', onclick: () => select('event:' + entry.id) }, entry.summary),
    entry.disputes.length ? [' ', h('span', { class: 'badge' }, 'disputed')] : null,
    // the timeline is of organisations: a transfer of theirs the traced chains do not take is still listed, marked as such
    entry.kind === 'TRANSFER' && !view.model.edges.has(entry.id)
      ? [' ', h('span', { class: 'badge off-chain', title: 'A transfer of these organisations that none of the traced chains takes' }, 'not on these chains')]
      : null)),
  view.timeline.length ? null : h('li', { class: 'hint' }, 'Nothing dated recorded.'));
}

// ---- the evidence panel ----------------------------------------------------------------------------------

let selectSeq = 0;

async function select(selection, remember = true) {
  const [kind, ...rest] = selection.split(':');
  const id = rest.join(':');
  const seq = ++selectSeq;
  if (remember) {
    changeState({ sel: selection });
    writeUrl(false);
  }
  highlight(view.cy, id);
  const panel = $('evidence');
  fill(panel, h('p', { class: 'hint' }, 'Loading…'));
  try {
    let content;
    if (kind === 'transfer') {
      const { transfer } = await graphql(queries.transferFacts, { id });
      const edge = view.model?.edges.get(id);
      content = transfer ? transferPanel(transfer, { explanations: edge?.explanations, connection: edge && !edge.data, select }) : null;
    } else if (kind === 'org') {
      const { organisation } = await graphql(queries.organisationFacts, { id });
      content = organisation ? organisationPanel(organisation, id !== state.org ? choose : null) : null;
    } else if (kind === 'dataset') {
      const { dataset, trail } = await graphql(queries.datasetFacts, { id, maxHops: Number(state.hops) || 4 });
      content = dataset ? datasetPanel(dataset, trail, { select, drawTrail: () => setControls({ ds: id }, selection) }) : null;
    } else if (kind === 'derivation') {
      // derivation:<the dataset it made>:<its id>; the API reads a derivation through the dataset it made
      const [made, derivation] = id.split(':');
      const { dataset } = await graphql(queries.derivation, { dataset: made });
      const found = dataset?.derivedFrom.find(d => d.id === derivation);
      content = found ? derivationPanel(found, { select }) : null;
    } else if (kind === 'enforcement') {
      const action = view.organisation?.enforcementActions.find(a => a.id === id);
      content = action ? enforcementPanel(action) : null;
    } else if (kind === 'event') {
      const entry = view.timeline.find(e => e.id === id);
      if (entry) {
        view.disputes ??= entry.disputes.length ? (await graphqlAll(queries.disputes, 'disputes')).disputes : null;
        const ids = entry.disputes.map(d => d.id);
        content = timelinePanel(entry, (view.disputes || []).filter(d => ids.includes(d.id)));
      }
    }
    if (seq === selectSeq) {
      fill(panel, content || h('p', { class: 'hint' }, 'Nothing recorded as ' + selection + '.'));
      panel.scrollTop = 0;
    }
  } catch (error) {
    fill(panel, h('p', { class: 'hint' }, 'Could not load ' + selection + ': ' + error.message));
  }
}

// ---- start -----------------------------------------------------------------------------------------------

setUpSharing();
window.addEventListener('popstate', () => {
  const previous = state.org;
  stateFromUrl();
  showControls();
  if (state.org !== previous) {
    openOrganisation();
  } else {
    trace();
  }
});

setUpRecording({ graphql, queries, view, $, say, choose, reload: () => openOrganisation(), current: () => state.org });
setUpDocuments({ viewer: () => view.viewer, choose, refresh: () => state.sel && select(state.sel, false), $ });

writeUrl(false); // a link with values out of range now shows the values used
showControls();
await askViewer();
await loadForViewer();
