// The timeline: what happened to the organisation alone, or to everyone on the traced chains (transfers, campaigns,
// enforcement, events), each entry opening its evidence; a transfer that none of the traced chains takes is marked.

import { graphql, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { state, view } from './state.js';
import { failed } from './message.js';
import { select } from './selection.js';

/** The timeline of the organisation alone, or of everyone on the traced chains (the API takes up to 100). */
export async function loadTimeline() {
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
