// The selection: a fact chosen on the graph, in a list or on the timeline (kind:id, kept in the URL as `sel`),
// highlighted on the graph and its evidence loaded into the evidence panel (evidence.js builds the panels).

import { graphql, graphqlAll, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { highlight } from './graph.js';
import { organisationPanel, transferPanel, enforcementPanel, datasetPanel, derivationPanel, timelinePanel } from './evidence.js';
import { state, view, changeState, writeUrl } from './state.js';
import { choose } from './organisation.js';
import { setControls } from './controls.js';

let selectSeq = 0;

/** Selects `selection` (kind:id) and shows its evidence; `remember` writes it into the URL. A later selection wins. */
export async function select(selection, remember = true) {
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
