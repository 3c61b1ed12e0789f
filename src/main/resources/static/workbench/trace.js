// Running a trace and showing it: the organisation's flows downstream or upstream (or a dataset's trail) with the
// controls as they are, paged from the API, drawn as a graph and listed chain by chain.

import { graphql, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { draw, graphOf } from './graph.js';
import { chainItem } from './chains.js';
import { state, view } from './state.js';
import { failed } from './message.js';
import { fillCategories } from './controls.js';
import { loadTimeline } from './timeline.js';
import { select } from './selection.js';
import { choose } from './organisation.js';
import { exportChains } from './share.js';

const MAX_PAGES = 10; // 1,000 chains: far more than a person reads, enough for a broker's fan-out

let traceSeq = 0;

/**
 * Traces what the state names and shows it: the graph, the chain list, the categories, the timeline and the selection
 * again. An answer overtaken by a later trace is dropped.
 */
export async function trace() {
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

/** The graph's zoom and fit buttons. */
export function setUpGraph() {
  $('zoom-in').addEventListener('click', () => view.cy?.zoom({ level: view.cy.zoom() * 1.4, renderedPosition: centre() }));
  $('zoom-out').addEventListener('click', () => view.cy?.zoom({ level: view.cy.zoom() / 1.4, renderedPosition: centre() }));
  $('fit').addEventListener('click', () => view.cy?.fit(undefined, 30));
}

const centre = () => ({ x: $('graph').clientWidth / 2, y: $('graph').clientHeight / 2 });

function renderChains() {
  const explained = new Map();
  fill($('chain-list'), view.chains.slice(0, 200).map((chain, index) => chainItem(chain, index + 1,
    { select, explained, exportChain: (c, format) => exportChains([c], format, index + 1) })),
  view.chains.length > 200 ? h('li', { class: 'hint' }, (view.chains.length - 200) + ' more chains are drawn in the graph and exported') : null,
  view.chains.length ? null : h('li', { class: 'hint' }, 'No chains with these controls.'));
}
