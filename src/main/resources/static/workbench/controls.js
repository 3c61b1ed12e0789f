// The trace controls (direction, hops, dates, purpose, data category, children, connections, timeline scope):
// shown from the state, and each change written to the URL and traced again. Also the vocabulary the choices come from.

import { graphqlAll, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { DEFAULTS, state, view, changeState, clampHops, writeUrl } from './state.js';
import { failed } from './message.js';
import { trace } from './trace.js';
import { loadTimeline } from './timeline.js';

const CONTROLS = ['dir', 'hops', 'since', 'until', 'purpose', 'cat'];

/** Shows the state in the controls; those that do not apply to a dataset's trail are disabled while it is drawn. */
export function showControls() {
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
export function setControls(changes, keep = '') {
  changeState({ ...changes, sel: keep });
  writeUrl(false);
  showControls();
  trace();
}

/** Each control traces again when changed; the timeline's scope loads the timeline again. */
export function setUpControls() {
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
}

/** The data categories to filter by: those of the organisation's datasets and of the traced chains' data, and the one chosen. */
export function fillCategories() {
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

/** The purposes to filter by, and the sources and purposes the recording forms offer. */
export async function loadVocabulary() {
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
