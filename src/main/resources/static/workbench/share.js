// Sharing a view: the permalink (the page's URL, which holds its state) and exports of the traced chains with their
// evidence and what was traced (export.js writes them as CSV or JSON).

import { transferEvidence } from './api.js';
import { $ } from './dom.js';
import { chainsAsJson, chainsAsCsv, download } from './export.js';
import { state, view } from './state.js';
import { say, failed } from './message.js';

/** The permalink button and the buttons exporting every traced chain. */
export function setUpSharing() {
  $('permalink').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      say('Link copied: ' + location.href);
    } catch (blocked) {
      say('Link to this view: ' + location.href);
    }
  });
  $('export-csv').addEventListener('click', () => exportChains(view.chains, 'csv'));
  $('export-json').addEventListener('click', () => exportChains(view.chains, 'json'));
}

/** Downloads `chains` with the evidence of their transfers as `format` (csv or json); `number` names a single chain of the list. */
export async function exportChains(chains, format, number) {
  try {
    const ids = [...new Set(chains.flatMap(c => c.transfers.map(t => t.id)))];
    const evidence = await transferEvidence(ids);
    const trace = state.ds ? { dataset: state.ds, maxHops: Number(state.hops) } : { organisation: state.org,
      direction: state.dir === 'up' ? 'upstream' : 'downstream', maxHops: Number(state.hops), since: state.since || null, until: state.until || null,
      purpose: state.purpose || null, dataCategory: state.cat || null, childrenOnly: state.children === '1',
      follow: state.conn === '1' ? 'CONNECTION' : 'DATA' };
    const json = chainsAsJson(chains, evidence, { permalink: location.href, trace });
    if (number) {
      json.chains[0].chain = number;
    }
    const name = 'datatrail-' + (state.ds ? 'dataset-' + state.ds : state.org) + (number ? '-chain-' + number : '-chains') + '.' + format;
    if (format === 'csv') {
      download(name, 'text/csv;charset=utf-8', chainsAsCsv(json));
    } else {
      download(name, 'application/json', JSON.stringify(json, null, 2));
    }
  } catch (error) {
    failed('Export failed')(error);
  }
}
