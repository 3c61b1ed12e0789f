// The chain list: each traced chain as the path of its hops (each hop a link to its evidence), what it rests on
// (DATA, or only a CONNECTION between organisations and where its lineage breaks), the data it moved, its caveats
// and its consent verdict.

import { h } from './dom.js';
import { records, when, dataHops, CONNECTION_TIP } from './graph.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/** "the second hop" for index 1: the API's explanations count hops the same way. */
export function ordinal(index) {
  return ORDINALS[index] || 'hop ' + (index + 1);
}

/** The hop (index) where the chain's consent ran out, if the chain reaches it along its data; else null. */
export function redHop(chain) {
  const hop = chain.consent.covered ? null : chain.consent.firstUncoveredHop;
  return hop !== null && hop !== undefined && hop < dataHops(chain) ? hop : null;
}

/** Organisation → [date, records] → organisation …, every hop a button that opens its transfer's evidence. */
export function chainPath(chain, select) {
  const red = redHop(chain);
  const followed = dataHops(chain);
  return h('span', { class: 'path' }, chain.transfers.map((t, hop) => h('span', {
    class: 'hop' + (red === hop ? ' uncovered' : '') + (hop >= followed ? ' connection' : ''),
    title: hop >= followed ? CONNECTION_TIP : null
  },
  hop === 0 ? chain.organisations[0].name : null,
  ' → ', h('button', { type: 'button', class: 'linkish', dataset: { transfer: t.id }, title: 'Evidence of this transfer',
    onclick: () => select('transfer:' + t.id) },
  '[' + [when(t), records(t.recordCount, t.recordCountIsLowerBound)].filter(Boolean).join(', ') + ']'),
  ' → ', chain.organisations[hop + 1].name)));
}

/** The datasets the chain moved, in hop order (a dataset carried on over several hops named once), each opening its dataset view. */
function dataLine(chain, select) {
  const runs = [];
  chain.transfers.forEach(t => {
    if (t.dataset && runs[runs.length - 1]?.id !== t.dataset.id) {
      runs.push(t.dataset);
    }
  });
  return runs.length ? h('div', { class: 'data-line' }, 'Data: ', runs.map((d, i) => [i ? ' → ' : null,
    h('button', { type: 'button', class: 'linkish', dataset: { dataset: d.id }, onclick: () => select('dataset:' + d.id) }, d.name)])) : null;
}

/** The chain's caveats, folded: "3 caveats" opens the sentences. */
export function caveatList(chain) {
  const caveats = chain.caveats || [];
  return caveats.length ? h('details', { class: 'caveats' }, h('summary', {}, caveats.length + (caveats.length === 1 ? ' caveat' : ' caveats')),
    h('ul', {}, caveats.map(c => h('li', {}, c)))) : null;
}

/**
 * One chain of the list. `explained` maps each consent explanation already shown to the number of the chain
 * under which it was, so an identical explanation is not printed again under every chain.
 */
export function chainItem(chain, number, { select, exportChain, explained }) {
  const connection = chain.basis === 'CONNECTION';
  const red = redHop(chain);
  let explanation = null;
  if (!chain.consent.covered) {
    const shown = explained.get(chain.consent.explanation);
    explanation = h('div', { class: 'explanation' }, shown ? 'Consent: as under chain ' + shown + '.' : chain.consent.explanation);
    if (!shown) {
      explained.set(chain.consent.explanation, number);
    }
  }
  return h('li', { class: 'chain' + (red !== null ? ' uncovered' : '') + (connection ? ' connection' : ''), dataset: { basis: chain.basis || 'DATA' } },
    h('span', { class: 'badge basis' + (connection ? ' connection' : ''), title: connection ? CONNECTION_TIP
      : 'data: every hop carries on the data the hop before delivered' }, connection ? 'connection' : 'data'),
    chain.consent.childrenData ? h('span', { class: 'badge kids', title: 'Data about children moved along this chain' }, 'children') : null,
    chainPath(chain, select),
    ' ', h('button', { type: 'button', class: 'linkish', onclick: () => exportChain(chain, 'csv') }, 'CSV'),
    ' ', h('button', { type: 'button', class: 'linkish', onclick: () => exportChain(chain, 'json') }, 'JSON'),
    connection ? h('div', { class: 'lineage' }, 'Connection from the ' + ordinal(dataHops(chain)) + ' hop on: '
      + 'the sources do not show the same data moving on, so it is a lead, not a flow of data.') : null,
    dataLine(chain, select),
    caveatList(chain),
    explanation);
}
