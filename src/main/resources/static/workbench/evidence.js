// The evidence panel: a fact's details, its verbatim quotes with their sources, and, where the sources
// disagree about it, every competing claim side by side.

import { h, facts } from './dom.js';
import { records, when } from './graph.js';
import { chainPath, caveatList } from './chains.js';
import { quoteText, documentLine } from './documents.js';

// Characters a quote may hold verbatim (names may not) that hide text or change its direction.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;

/** The hidden characters of a quote, named (U+202E…), or null: shown under it so a reader knows the text is not as it looks. */
export function hiddenCharacters(text) {
  const found = [...new Set(String(text).match(HIDDEN) || [])];
  return found.length ? found.map(c => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(', ') : null;
}

/**
 * One quote with its source: the quote in its sentence in the source's document where one is attached, publisher,
 * title (linked where the source has a URL), date; whether it was checked against the document, and the way to it.
 * The quote is verbatim, so it sits in a <bdi>: a direction override inside it cannot reorder the quotation marks or
 * the text around it; any hidden characters it holds are named under it.
 */
export function quote(e) {
  const s = e.source;
  const title = s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title;
  const hidden = hiddenCharacters(e.quote);
  return h('blockquote', { class: 'quote', dataset: { source: s.id } },
    quoteText(e),
    hidden ? h('small', { class: 'hidden-characters' }, 'This quote contains invisible or direction-changing characters: ' + hidden) : null,
    h('cite', {}, [s.publisher || 'publisher unknown', ' — ', title, ' — ', s.published || 'undated', ' ', h('span', { class: 'source-id' }, '[' + s.id + ']')]),
    documentLine(e));
}

export function evidenceList(evidence, heading = 'Evidence') {
  return [h('h3', {}, heading + ' (' + evidence.length + ')'), evidence.map(quote)];
}

/** Each dispute with its claims in columns, each claim with its own quotes. */
export function disputeList(disputes) {
  if (!disputes?.length) {
    return [];
  }
  return [h('h3', {}, 'Disputed (' + disputes.length + ')'), disputes.map(d => h('div', { class: 'dispute' },
    h('strong', {}, d.subject), ' ', h('span', { class: 'badge' }, d.field + ' · ' + d.kind.toLowerCase().replace('_', ' ')),
    d.note ? h('p', {}, d.note) : null,
    h('div', { class: 'claims' }, d.claims.map(c => h('div', { class: 'claim' },
      h('strong', {}, c.value), c.note ? h('small', {}, c.note) : null, c.evidence.map(quote))))))];
}

const list = items => items.map(i => i.name).join(', ');
const link = (text, onclick, data) => h('button', { type: 'button', class: 'linkish', onclick, dataset: data }, text);

/** Where a source only hedges a field: the field and the source's words. */
export function hedgeList(hedges) {
  return hedges?.length ? [h('h3', {}, 'Hedged by the sources (' + hedges.length + ')'),
    h('ul', { class: 'facts hedges' }, hedges.map(x => h('li', {}, h('strong', {}, x.field), ': “' + x.wording + '”')))] : [];
}

/** A period as far as the sources give it. */
function period(from, until) {
  return from && until ? from + ' to ' + until : from ? 'from ' + from : until ? 'until ' + until : null;
}

const STATUS = { ANNOUNCED: 'announced, not yet done', ONGOING: 'under way', TAKEN: 'taken', WITHDRAWN: 'withdrawn' };

/** An enforcement action's status in words ("announced, not yet done"); null where no source says. */
export function statusText(status) {
  return status ? STATUS[status] || status.toLowerCase() : null;
}

const heldBy = d => d.heldBy ? ' (held by ' + d.heldBy.name + ')' : '';

/** "copy", "merge"… of a derivation's kind, in words. */
const kindText = kind => kind.toLowerCase();

export function organisationPanel(o, open) {
  return [
    h('h2', {}, o.name), h('p', {}, o.types.map(t => h('span', { class: 'badge' }, t))),
    facts([['Also known as', o.aliases.join('; ')], ['Part of', o.partOf?.name], ['About', o.description]]),
    open ? h('button', { type: 'button', class: 'linkish', onclick: () => open(o.id) }, 'Open this organisation →') : null,
    evidenceList(o.evidence), disputeList(o.disputes)
  ];
}

/**
 * A transfer: who, when (or within which bounds), how much, for what, which dataset (a link to its view); the
 * consent verdict where the chain's consent ran out here; a note where the traced chains reach it only as a connection.
 */
export function transferPanel(t, { explanations = [], connection = false, select }) {
  const children = t.dataset.dataCategories.filter(c => c.concernsChildren);
  return [
    h('h2', {}, t.from.name + ' → ' + t.to.name),
    connection ? h('div', { class: 'verdict connection' }, h('strong', {}, 'A connection, not a traced flow of data. '),
      'On the traced chains, the sources do not show this transfer carrying on the data of the hop before it.') : null,
    explanations.length ? h('div', { class: 'verdict', id: 'verdict' }, h('strong', {}, 'Consent did not cover this use. '), explanations[0],
      explanations.length > 1 ? h('small', {}, ' (Consent runs out at this hop in ' + explanations.length + ' of the traced chains.)') : null) : null,
    facts([['Date', when(t)], ['Dated within', t.date ? null : period(t.earliest, t.latest)],
      ['Records', records(t.recordCount, t.recordCountIsLowerBound) || 'unknown'],
      ['Purposes', list(t.purposes)], ['Dataset', link(t.dataset.name, () => select('dataset:' + t.dataset.id), { dataset: t.dataset.id })],
      ['About', t.dataset.subjectGroups.join('; ')],
      ['Children', children.length ? h('span', { class: 'badge kids' }, 'data about children: ' + list(children)) : null],
      ['Agreement', t.agreement], ['On behalf of', t.onBehalfOf?.name], ['Id', t.id]]),
    hedgeList(t.hedges),
    evidenceList(t.evidence),
    disputeList(t.disputes),
    t.dataset.consents.map(c => [h('h3', {}, 'What the data subjects were told: ' + c.title),
      facts([['Permits', list(c.permittedPurposes)], ['Kind', c.kind]]), c.evidence.map(quote)])
  ];
}

export function enforcementPanel(a) {
  return [
    h('h2', {}, a.regulator.name + ': ' + a.kind.toLowerCase().replaceAll('_', ' ')),
    facts([['Status', statusText(a.status) || 'not given by the sources'], ['Against', a.against.name],
      ['Amount', a.amount === null ? null : (a.currency || '') + ' ' + Number(a.amount).toLocaleString('en-GB')],
      ['Date', a.date || 'undated'], ['Finding', a.legalFinding]]),
    hedgeList(a.hedges), evidenceList(a.evidence), disputeList(a.disputes)
  ];
}

/**
 * The dataset view: what it is, when it was collected, under which notices (and their versions), what it was made
 * from and what was made from it (each derivation a link to its evidence), and where it went: the chains of
 * traceDataset, which `drawTrail` loads into the graph.
 */
export function datasetPanel(d, trail, { select, drawTrail }) {
  // a derivation is selected as derivation:<the dataset it made>:<its id>
  const derivation = (dv, made, text) => link(text, () => select('derivation:' + made + ':' + dv.id), { derivation: dv.id });
  const made = d.derivatives.map(dv => h('li', {}, derivation(dv, dv.dataset.id, dv.dataset.name),
    ' (' + kindText(dv.kind) + ', ' + (dv.date || 'undated') + (dv.dataset.heldBy ? ', held by ' + dv.dataset.heldBy.name : '') + ')'));
  const from = d.derivedFrom.map(dv => h('li', {}, derivation(dv, d.id, kindText(dv.kind) + ' of ' + dv.source.name),
    ' (' + (dv.date || 'undated') + (dv.source.heldBy ? ', held by ' + dv.source.heldBy.name : '') + ') ',
    link('open', () => select('dataset:' + dv.source.id), { dataset: dv.source.id })));
  return [
    h('h2', {}, d.name),
    facts([['Held by', d.heldBy?.name], ['About', d.subjectGroups.join('; ')], ['Collected', d.collectionChannels.join('; ')],
      ['Collection period', period(d.collectedFrom, d.collectedUntil) || 'not given by the sources'],
      ['Categories', d.dataCategories.map(c => h('span', { class: 'badge' + (c.concernsChildren ? ' kids' : '') }, c.name))]]),
    h('h3', {}, 'Made from (' + from.length + ')'), from.length ? h('ul', { class: 'facts', id: 'derived-from' }, from)
      : h('p', { class: 'hint' }, 'The sources do not say it was made from other data.'),
    h('h3', {}, 'Made into (' + made.length + ')'), made.length ? h('ul', { class: 'facts', id: 'derivatives' }, made)
      : h('p', { class: 'hint' }, 'No dataset recorded as made from it.'),
    h('h3', {}, 'Where it went (' + trail.length + (trail.length === 100 ? '+' : '') + ' chains)'),
    trail.length ? [
      h('p', {}, link('Draw these chains in the graph →', drawTrail, { trail: d.id })),
      h('ol', { class: 'trail', id: 'trail' }, trail.map(chain => h('li', { class: 'chain' + (chain.basis === 'CONNECTION' ? ' connection' : '') },
        chain.basis === 'CONNECTION' ? [h('span', { class: 'badge basis connection' }, 'connection'), ' '] : null,
        chainPath(chain, select), caveatList(chain))))
    ] : h('p', { class: 'hint' }, 'No recorded transfer carried it or data made from it.'),
    hedgeList(d.hedges), evidenceList(d.evidence), disputeList(d.disputes),
    d.consents.map(c => [h('h3', {}, 'Collected under: ' + c.title), facts([['Permits', list(c.permittedPurposes)],
      ['In force', period(c.validFrom, c.validUntil)], ['Replaced', c.supersedes?.title],
      ['Replaced by', c.supersededBy.map(v => v.title).join('; ')]]), c.evidence.map(quote), disputeList(c.disputes)])
  ];
}

/** A derivation: which dataset was made from which, how (copy, merge…), when, and the quotes that establish it. */
export function derivationPanel(dv, { select }) {
  return [
    h('h2', {}, kindText(dv.kind).replace(/^./, c => c.toUpperCase()) + ': ' + dv.source.name + ' → ' + dv.dataset.name),
    facts([['Kind', dv.kind], ['Date', dv.date || 'not given by the sources'],
      ['Made from', [link(dv.source.name, () => select('dataset:' + dv.source.id), { dataset: dv.source.id }), heldBy(dv.source)]],
      ['Made', [link(dv.dataset.name, () => select('dataset:' + dv.dataset.id), { dataset: dv.dataset.id }), heldBy(dv.dataset)]],
      ['Id', dv.id]]),
    hedgeList(dv.hedges), evidenceList(dv.evidence), disputeList(dv.disputes)
  ];
}

export function timelinePanel(entry, disputes) {
  return [
    h('h2', {}, entry.summary),
    facts([['What', entry.kind.toLowerCase()], ['When', entry.date || 'undated'], ['First reported', entry.firstReported],
      ['Involves', list(entry.organisations)]]),
    evidenceList(entry.evidence), disputeList(disputes)
  ];
}
