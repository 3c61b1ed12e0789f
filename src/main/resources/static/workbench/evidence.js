// The evidence panel: a fact's details, its verbatim quotes with their sources, and, where the sources
// disagree about it, every competing claim side by side.

import { h, facts } from './dom.js';
import { records } from './graph.js';

/** One quote with its source: publisher, title (linked where the source has a URL), date. */
export function quote(e) {
  const s = e.source;
  const title = s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title;
  return h('blockquote', { class: 'quote' },
    h('p', {}, '“' + e.quote + '”'),
    h('cite', {}, [s.publisher || 'publisher unknown', ' — ', title, ' — ', s.published || 'undated', ' ', h('span', { class: 'source-id' }, '[' + s.id + ']')]));
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

export function organisationPanel(o, open) {
  return [
    h('h2', {}, o.name), h('p', {}, o.types.map(t => h('span', { class: 'badge' }, t))),
    facts([['Also known as', o.aliases.join('; ')], ['Part of', o.partOf?.name], ['About', o.description]]),
    open ? h('button', { type: 'button', class: 'linkish', onclick: () => open(o.id) }, 'Open this organisation →') : null,
    evidenceList(o.evidence), disputeList(o.disputes)
  ];
}

/** A transfer: who, when, how much, for what; the consent verdict where the chain's consent ran out here. */
export function transferPanel(t, explanations) {
  const children = t.dataset.dataCategories.filter(c => c.concernsChildren);
  return [
    h('h2', {}, t.from.name + ' → ' + t.to.name),
    explanations.length ? h('div', { class: 'verdict', id: 'verdict' }, h('strong', {}, 'Consent did not cover this use. '), explanations[0],
      explanations.length > 1 ? h('small', {}, ' (Consent runs out at this hop in ' + explanations.length + ' of the traced chains.)') : null) : null,
    facts([['Date', t.date || 'undated'], ['Records', records(t.recordCount, t.recordCountIsLowerBound) || 'unknown'],
      ['Purposes', list(t.purposes)], ['Dataset', t.dataset.name], ['About', t.dataset.subjectGroups.join('; ')],
      ['Children', children.length ? h('span', { class: 'badge kids' }, 'data about children: ' + list(children)) : null],
      ['Agreement', t.agreement], ['On behalf of', t.onBehalfOf?.name], ['Id', t.id]]),
    evidenceList(t.evidence),
    disputeList(t.disputes),
    t.dataset.consents.map(c => [h('h3', {}, 'What the data subjects were told: ' + c.title),
      facts([['Permits', list(c.permittedPurposes)], ['Kind', c.kind]]), c.evidence.map(quote)])
  ];
}

export function enforcementPanel(a) {
  return [
    h('h2', {}, a.regulator.name + ': ' + a.kind.toLowerCase().replaceAll('_', ' ')),
    facts([['Against', a.against.name], ['Amount', a.amount === null ? null : (a.currency || '') + ' ' + Number(a.amount).toLocaleString('en-GB')],
      ['Date', a.date || 'undated'], ['Finding', a.legalFinding]]),
    evidenceList(a.evidence), disputeList(a.disputes)
  ];
}

export function datasetPanel(d) {
  return [
    h('h2', {}, d.name),
    facts([['Held by', d.heldBy?.name], ['About', d.subjectGroups.join('; ')], ['Collected', d.collectionChannels.join('; ')],
      ['Categories', d.dataCategories.map(c => h('span', { class: 'badge' + (c.concernsChildren ? ' kids' : '') }, c.name))]]),
    evidenceList(d.evidence), disputeList(d.disputes),
    d.consents.map(c => [h('h3', {}, 'Collected under: ' + c.title), facts([['Permits', list(c.permittedPurposes)]]), c.evidence.map(quote),
      disputeList(c.disputes)])
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
