// The flow graph: organisations as nodes, transfers as arrows (date and record count), drawn by Cytoscape.js
// and laid out left to right in hops by dagre. Both are classic scripts from WebJars (globals `cytoscape`, `dagre`).

const TYPE_COLOURS = {
  DATA_SUPPLIER: '#2e7d32', DATA_BROKER: '#ef6c00', CREDIT_REFERENCE_AGENCY: '#ef6c00', POLITICAL_PARTY: '#6a1b9a',
  CAMPAIGN_GROUP: '#6a1b9a', REGULATOR: '#546e7a', PLATFORM: '#1565c0', CONSULTANCY: '#00838f', OTHER: '#455a64'
};

const STYLE = [
  { selector: 'node', style: {
    'background-color': n => TYPE_COLOURS[n.data('types')?.[0]] || '#455a64', label: 'data(label)', color: '#1b1b1b',
    'font-size': 14, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': 150,
    width: 26, height: 26, 'min-zoomed-font-size': 7, 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
    'text-background-padding': 1 } },
  { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#111', width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'edge', style: {
    width: 2, 'line-color': '#78909c', 'target-arrow-color': '#78909c', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
    label: 'data(label)', 'font-size': 12, color: '#37474f', 'text-rotation': 'autorotate', 'text-margin-y': -9,
    'min-zoomed-font-size': 7, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
  { selector: 'edge.children', style: { 'source-arrow-shape': 'circle', 'source-arrow-color': '#f9a825', 'line-style': 'dashed',
    'line-dash-pattern': [8, 3] } },
  // a connection: the sources do not show this transfer carrying on the data of the hop before it (dotted, unlike children's dashes)
  { selector: 'edge.connection', style: { width: 1.5, 'line-color': '#b0bec5', 'target-arrow-color': '#b0bec5', 'line-style': 'dotted',
    'line-dash-pattern': [2, 4], color: '#78909c', 'font-style': 'italic' } },
  { selector: 'edge.uncovered', style: { 'line-color': '#d32f2f', 'target-arrow-color': '#d32f2f', width: 4, color: '#b71c1c',
    'font-weight': 'bold' } },
  { selector: ':selected', style: { 'overlay-color': '#1565c0', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: '.faded', style: { opacity: 0.25 } }
];

export const CONNECTION_TIP = 'connection: the sources do not show the same data moving on';

/** Formats a record count the way the sources put it: "more than 1,000,000" where they give only a lower bound. */
export function records(count, lowerBound) {
  if (count === null || count === undefined) {
    return null;
  }
  return (lowerBound ? '≥' : '') + Number(count).toLocaleString('en-GB');
}

/** A transfer's date as the sources give it: the day, or only the bounds they set ("by 2017-06-30"), or "undated". */
export function when(t) {
  if (t.date) {
    return t.date;
  }
  if (t.earliest && t.latest) {
    return 'between ' + t.earliest + ' and ' + t.latest;
  }
  return t.latest ? 'by ' + t.latest : t.earliest ? 'not before ' + t.earliest : 'undated';
}

/** The hops of a chain that follow its data: all of a DATA chain's; those before the break of a CONNECTION chain. */
export function dataHops(chain) {
  return chain.basis === 'CONNECTION' ? chain.lineageBreaksAtHop ?? 1 : chain.transfers.length;
}

/** True where the transfer carries data about children. */
export function aboutChildren(transfer) {
  return (transfer.dataset?.dataCategories || []).some(c => c.concernsChildren);
}

/**
 * The graph of a set of chains: each organisation once, each transfer once. A transfer is `data` where some chain
 * reaches it along its data (any hop of a DATA chain, a hop before a CONNECTION chain's break), and a connection
 * otherwise. It is `uncovered` where such a chain's consent check names it as the first hop the consent did not
 * cover (with each such chain's explanation, those of DATA chains first): a verdict on a hop the data is not shown
 * to have reached would judge data that may never have moved.
 */
export function graphOf(chains, startId) {
  const nodes = new Map();
  const edges = new Map();
  for (const chain of chains) {
    const followed = dataHops(chain);
    chain.organisations.forEach(o => nodes.set(o.id, o));
    chain.transfers.forEach((t, hop) => {
      const edge = edges.get(t.id) || { transfer: t, from: chain.organisations[hop], to: chain.organisations[hop + 1], data: false, verdicts: [] };
      edge.data ||= hop < followed;
      if (!chain.consent.covered && chain.consent.firstUncoveredHop === hop && hop < followed) {
        edge.verdicts.push({ explanation: chain.consent.explanation, data: chain.basis !== 'CONNECTION' });
      }
      edges.set(t.id, edge);
    });
  }
  for (const edge of edges.values()) {
    edge.explanations = edge.verdicts.sort((a, b) => b.data - a.data).map(v => v.explanation);
  }
  return { nodes, edges, startId };
}

function elements(model) {
  const result = [];
  for (const o of model.nodes.values()) {
    result.push({ group: 'nodes', data: { id: o.id, label: o.name, types: o.types }, classes: o.id === model.startId ? 'start' : '' });
  }
  for (const e of model.edges.values()) {
    const t = e.transfer;
    const label = [when(t), records(t.recordCount, t.recordCountIsLowerBound)].filter(Boolean).join(' · ');
    const classes = [e.explanations.length ? 'uncovered' : '', aboutChildren(t) ? 'children' : '', e.data ? '' : 'connection']
      .filter(Boolean).join(' ');
    result.push({ group: 'edges', data: { id: t.id, source: e.from.id, target: e.to.id, label }, classes });
  }
  return result;
}

/** Positions from dagre's layered layout: data flows left to right, one column per hop. */
function layeredPositions(model) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  const big = model.nodes.size > 60;
  g.setGraph({ rankdir: 'LR', nodesep: big ? 14 : 40, ranksep: big ? 260 : 240, edgesep: 8, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of model.nodes.keys()) {
    g.setNode(id, { width: 40, height: big ? 26 : 46 });
  }
  for (const [id, e] of model.edges) {
    g.setEdge(e.from.id, e.to.id, {}, id);
  }
  dagre.layout(g);
  const positions = {};
  g.nodes().forEach(id => { positions[id] = { x: g.node(id).x, y: g.node(id).y }; });
  return positions;
}

/** Hops from the starting organisation, whichever way the arrows point (for the ring layout). */
function distances(model) {
  const neighbours = new Map([...model.nodes.keys()].map(id => [id, []]));
  for (const e of model.edges.values()) {
    neighbours.get(e.from.id)?.push(e.to.id);
    neighbours.get(e.to.id)?.push(e.from.id);
  }
  const depth = new Map([[model.startId, 0]]);
  const queue = [model.startId];
  while (queue.length) {
    const id = queue.shift();
    for (const next of neighbours.get(id) || []) {
      if (!depth.has(next)) {
        depth.set(next, depth.get(id) + 1);
        queue.push(next);
      }
    }
  }
  return depth;
}

/**
 * Layered (dagre, left to right) while every hop's column stays short enough to read; rings around the
 * starting organisation (one ring per hop) when a column would hold more than 40, e.g. a broker's fan-out; the rings
 * leave room for every label, so a whole ring is a circle of dots until you zoom in, and then every name is legible.
 */
export function layoutFor(model) {
  const depth = distances(model);
  const perHop = new Map();
  depth.forEach(d => perHop.set(d, (perHop.get(d) || 0) + 1));
  if (Math.max(0, ...perHop.values()) <= 40) {
    return { name: 'preset', positions: layeredPositions(model) };
  }
  const deepest = Math.max(...depth.values());
  return { name: 'concentric', concentric: node => deepest - (depth.get(node.id()) ?? deepest), levelWidth: () => 1,
    minNodeSpacing: 10, spacingFactor: 1, avoidOverlap: true, nodeDimensionsIncludeLabels: true };
}

/** Draws (or redraws) the model in `container`; `onSelect(kind, id)` on a tap, `onOpen(id)` on a double tap of a node. */
export function draw(container, model, { onSelect, onOpen, previous }) {
  previous?.destroy();
  const large = model.nodes.size > 150;
  const cy = cytoscape({
    container, elements: elements(model), style: STYLE, minZoom: 0.05, maxZoom: 4,
    textureOnViewport: large, hideEdgesOnViewport: large, motionBlur: false, selectionType: 'single', boxSelectionEnabled: false
  });
  const layout = layoutFor(model);
  if (layout.name === 'preset') {
    cy.layout({ name: 'preset', positions: node => layout.positions[node.id()], fit: true, padding: 30, animate: false }).run();
  } else {
    cy.layout({ ...layout, fit: true, padding: 30, animate: false }).run();
  }
  cy.scratch('layout', layout.name === 'preset' ? 'layered' : 'rings');
  cy.on('tap', 'node', event => onSelect('org', event.target.id()));
  cy.on('tap', 'edge', event => onSelect('transfer', event.target.id()));
  cy.on('dbltap', 'node', event => onOpen(event.target.id()));
  cy.on('mouseover', 'node', event => {
    const hood = event.target.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
  });
  cy.on('mouseout', 'node', () => cy.elements().removeClass('faded'));
  // the canvas has no tooltips of its own: the container's title says what a connection is while the mouse is on one
  cy.on('mouseover', 'edge.connection', () => { container.title = CONNECTION_TIP; });
  cy.on('mouseout', 'edge.connection', () => container.removeAttribute('title'));
  return cy;
}

/** Selects (and centres on, if off screen) the element with this id. */
export function highlight(cy, id) {
  if (!cy) {
    return;
  }
  cy.elements().unselect();
  const element = cy.getElementById(id);
  if (element.nonempty()) {
    element.select();
  }
}
