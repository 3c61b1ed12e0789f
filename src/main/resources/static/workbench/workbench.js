// The investigation workbench: search -> an organisation -> its flows as a graph, the evidence of each fact,
// a timeline, exports, and (for investigators) recording findings. Everything on the page comes from /graphql.
// The page's state lives in its URL, so a link reopens the same view. This module starts the page and wires its
// parts together: state.js (the state and the URL), viewer.js (who is asking), search.js, organisation.js,
// controls.js, trace.js (the graph and the chain list), timeline.js, selection.js (the evidence panel), share.js
// (permalink and exports), record.js and documents.js.

import { graphql, queries } from './api.js';
import { $ } from './dom.js';
import { setUpRecording } from './record.js';
import { setUpDocuments } from './documents.js';
import { state, view, stateFromUrl, writeUrl } from './state.js';
import { say } from './message.js';
import { askViewer, setUpViewer } from './viewer.js';
import { setUpSearch } from './search.js';
import { choose, openOrganisation } from './organisation.js';
import { showControls, setUpControls, loadVocabulary } from './controls.js';
import { trace, setUpGraph } from './trace.js';
import { select } from './selection.js';
import { setUpSharing } from './share.js';

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
setUpSearch();
setUpControls();
setUpGraph();
setUpSharing();
// back and forward: the URL's view again, traced again (the organisation opened again if it changed)
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
