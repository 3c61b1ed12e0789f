// The organisation view: opening an organisation (from the search, the graph, a panel or a link) and its card, with
// its datasets, enforcement, campaigns and the way to its flows downstream or upstream.

import { graphql, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { statusText } from './evidence.js';
import { state, view, changeState, writeUrl } from './state.js';
import { say, failed } from './message.js';
import { setControls, fillCategories } from './controls.js';
import { trace } from './trace.js';
import { select } from './selection.js';

/** Opens the organisation `id`: a new history entry, its card and its flows traced with the controls as they are. */
export function choose(id) {
  $('suggestions').hidden = true;
  changeState({ org: id, ds: '', sel: '' });
  writeUrl(true);
  openOrganisation();
}

/** Shows the organisation the state names, and traces its flows. */
export async function openOrganisation() {
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
