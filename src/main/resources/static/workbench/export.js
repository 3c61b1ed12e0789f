// Exports of traced chains for a story or a complaint to a regulator: every hop with every citation
// (source publisher, title, date, link, verbatim quote), what each chain rests on (DATA or CONNECTION) and its
// caveats, as CSV (one row per citation or caveat) or JSON. The columns are described in docs/workbench-exports.md.

import { aboutChildren, dataHops } from './graph.js';

const COLUMNS = ['chain', 'chain_basis', 'hop', 'citation_for', 'from_id', 'from', 'to_id', 'to', 'transfer_id', 'date', 'date_earliest',
  'date_latest', 'record_count', 'record_count_is_lower_bound', 'purposes', 'dataset', 'about_children', 'lineage_breaks_here',
  'chain_consent_covered', 'consent_ran_out_here', 'consent_explanation', 'caveat', 'source_id', 'publisher', 'title', 'published', 'url', 'quote'];

/** The chains as plain JSON: what was traced (with the permalink) and each hop with its citations. */
export function chainsAsJson(chains, evidenceByTransfer, context) {
  return {
    exportedAt: new Date().toISOString(),
    permalink: context.permalink,
    trace: context.trace,
    chains: chains.map((chain, index) => ({
      chain: index + 1,
      basis: chain.basis,
      // like firstUncoveredHop, an index into hops (0 is hop 1); null for a DATA chain
      lineageBreaksAtHop: chain.lineageBreaksAtHop ?? null,
      caveats: chain.caveats,
      organisations: chain.organisations.map(o => ({ id: o.id, name: o.name })),
      consent: {
        covered: chain.consent.covered,
        firstUncoveredHop: chain.consent.firstUncoveredHop,
        uncoveredPurposes: chain.consent.uncoveredPurposes.map(p => p.id),
        explanation: chain.consent.explanation,
        childrenData: chain.consent.childrenData,
        consentsApplied: chain.consent.consentsApplied.map(c => c.id),
        evidence: chain.consent.evidence.map(citation)
      },
      hops: chain.transfers.map((t, hop) => ({
        hop: hop + 1,
        from: { id: chain.organisations[hop].id, name: chain.organisations[hop].name },
        to: { id: chain.organisations[hop + 1].id, name: chain.organisations[hop + 1].name },
        transfer: t.id,
        date: t.date,
        earliest: t.earliest,
        latest: t.latest,
        followsData: hop < dataHops(chain),
        recordCount: t.recordCount,
        recordCountIsLowerBound: t.recordCountIsLowerBound,
        purposes: t.purposes.map(p => p.id),
        dataset: t.dataset ? { id: t.dataset.id, name: t.dataset.name } : null,
        aboutChildren: aboutChildren(t),
        consentRanOutHere: !chain.consent.covered && chain.consent.firstUncoveredHop === hop,
        evidence: (evidenceByTransfer.get(t.id) || []).map(citation)
      }))
    }))
  };
}

function citation(e) {
  return { quote: e.quote, source: { id: e.source.id, publisher: e.source.publisher, title: e.source.title,
    published: e.source.published, url: e.source.url } };
}

/**
 * The same as CSV: one row per citation of each hop, then one per citation of each chain's consent verdict, then
 * one per caveat of the chain.
 */
export function chainsAsCsv(json) {
  const rows = [COLUMNS];
  for (const chain of json.chains) {
    for (const hop of chain.hops) {
      const base = [chain.chain, chain.basis, hop.hop, 'transfer', hop.from.id, hop.from.name, hop.to.id, hop.to.name, hop.transfer, hop.date,
        hop.earliest, hop.latest, hop.recordCount, hop.recordCountIsLowerBound, hop.purposes.join(' '), hop.dataset?.name, hop.aboutChildren,
        chain.lineageBreaksAtHop === hop.hop - 1, chain.consent.covered, hop.consentRanOutHere,
        hop.consentRanOutHere ? chain.consent.explanation : '', ''];
      const citations = hop.evidence.length ? hop.evidence : [null];
      citations.forEach(c => rows.push(base.concat(sourceCells(c))));
    }
    const first = chain.organisations[0];
    const last = chain.organisations[chain.organisations.length - 1];
    // chain-level rows: the hop-level cells (transfer, dates, records, dataset, flags) stay empty
    const chainRow = (kind, purposes, explanation, caveat) => [chain.chain, chain.basis, '', kind, first.id, first.name, last.id, last.name,
      '', '', '', '', '', '', purposes, '', '', '', chain.consent.covered, '', explanation, caveat];
    chain.consent.evidence.forEach(c => rows.push(chainRow('consent verdict', chain.consent.uncoveredPurposes.join(' '),
      chain.consent.explanation, '').concat(sourceCells(c))));
    (chain.caveats || []).forEach(caveat => rows.push(chainRow('caveat', '', '', caveat).concat(sourceCells(null))));
  }
  return rows.map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function sourceCells(c) {
  return c ? [c.source.id, c.source.publisher, c.source.title, c.source.published, c.source.url, c.quote] : ['', '', '', '', '', ''];
}

/** One CSV field, quoted when needed. Exported for the browser tests. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  // names and quotes come from sources: a cell starting = + - @ tab or CR would run as a formula in a spreadsheet,
  // so it gets a leading ' (OWASP's advice on CSV injection). Dates start with a digit; no negative numbers are exported.
  if (/^[=+\-@\t\r]/.test(text)) {
    text = "'" + text;
  }
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** Hands a file to the browser's downloads. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
