// The workbench talks to the app's own GraphQL API only, so it sees exactly what the caller's role may see.
// The token (if any) lives in sessionStorage for this tab, never in the URL.

const TOKEN_KEY = 'datatrail.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** An answer the API refused: `errors` are the GraphQL errors (or one made from an HTTP status). */
export class ApiError extends Error {
  constructor(message, errors, status) {
    super(message);
    this.errors = errors;
    this.status = status;
  }
}

/** Runs one GraphQL document; resolves with `data`, rejects with an ApiError naming what went wrong. */
export async function graphql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token()) {
    headers.Authorization = 'Bearer ' + token();
  }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    // reported below with the status
  }
  if (response.status === 401) {
    throw new ApiError(body?.message || 'This service needs a valid token', [], 401);
  }
  if (!body || (!response.ok && !body.errors)) {
    throw new ApiError('The API answered HTTP ' + response.status, [], response.status);
  }
  if (body.errors?.length) {
    // a refused mutation's message usually lists its problems already; add only those it does not
    const message = body.errors.map(e => e.message).join('; ');
    const problems = body.errors.flatMap(e => e.extensions?.problems || [])
      .map(p => typeof p === 'string' ? p : (p.field ? p.field + ': ' : '') + (p.message || JSON.stringify(p)))
      .filter(p => !message.includes(p));
    throw new ApiError(message + (problems.length ? ': ' + problems.join('; ') : ''), body.errors, response.status);
  }
  return body.data;
}

/**
 * Runs a query whose list `field` is paged 100 at a time (`first: 100, after: $after`) to the end of that list: the
 * data of the first page with every page's items in `field`.
 */
export async function graphqlAll(query, field, variables = {}) {
  const data = await graphql(query, variables);
  let page = data[field];
  while (page.length === 100) {
    page = (await graphql(query, { ...variables, after: page[page.length - 1].cursor }))[field];
    data[field] = data[field].concat(page);
  }
  return data;
}

// Evidence in the panels: where its quote stands in the source's document and how it was checked. The chains and
// exports read only the quote and its source (BRIEF): a trace of 100 chains need not load every source's document.
const EVIDENCE = `fragment Ev on Evidence { quote start end context check
  source { id title publisher published url note public document { characters } } }`;
const EVIDENCE_BRIEF = 'fragment EvBrief on Evidence { quote source { id title publisher published url note } }';
const DISPUTE = 'fragment Dis on Dispute { id subject field kind note claims { value note evidence { ...Ev } } }';
const HEDGE = 'fragment Hedge on Hedge { field wording }';
const CHAIN = `fragment Chain on FlowPath {
  cursor hops basis lineageBreaksAtHop caveats
  organisations { id name types }
  transfers { id date earliest latest recordCount recordCountIsLowerBound
              purposes { id name }
              dataset { id name dataCategories { id name concernsChildren } } }
  consent { covered firstUncoveredHop explanation childrenData uncoveredPurposes { id name } consentsApplied { id title }
            evidence { ...EvBrief } }
}`;
const DERIVATION = `fragment Derivation on Derivation {
  id kind date
  dataset { id name heldBy { id name } }
  source { id name heldBy { id name } }
  evidence { ...Ev } disputes { ...Dis } hedges { ...Hedge }
}`;

export const queries = {
  viewer: '{ viewer { role mayRecord } }',
  /** Paged by its sources (graphqlAll). */
  vocabulary: `query Vocabulary($after: String) {
    purposes { id name }
    sources(first: 100, after: $after) { id title publisher published cursor }
  }`,
  search: 'query Search($text: String!) { search(text: $text, first: 8) { id name aliases types } }',
  organisation: `query Organisation($id: ID!) {
    organisation(id: $id) {
      id name aliases types description partOf { id name }
      datasets { id name subjectGroups dataCategories { id name concernsChildren } }
      enforcementActions { id kind status amount currency date legalFinding regulator { id name } against { id name }
                           evidence { ...Ev } disputes { ...Dis } hedges { ...Hedge } }
      campaigns { id name }
      received: transfersIn(first: 20) { id date dataset { id name } from { id name } }
    }
  } ${EVIDENCE} ${DISPUTE} ${HEDGE}`,
  organisationFacts: `query OrganisationFacts($id: ID!) {
    organisation(id: $id) {
      id name aliases types description partOf { id name }
      evidence { ...Ev } disputes { ...Dis }
    }
  } ${EVIDENCE} ${DISPUTE}`,
  transferFacts: `query TransferFacts($id: ID!) {
    transfer(id: $id) {
      id date earliest latest recordCount recordCountIsLowerBound agreement
      from { id name } to { id name } onBehalfOf { id name }
      purposes { id name }
      dataset { id name subjectGroups dataCategories { name concernsChildren }
                consents { id title kind permittedPurposes { name } evidence { ...Ev } } }
      evidence { ...Ev } disputes { ...Dis } hedges { ...Hedge }
    }
  } ${EVIDENCE} ${DISPUTE} ${HEDGE}`,
  datasetFacts: `query DatasetFacts($id: ID!, $maxHops: Int) {
    dataset(id: $id) {
      id name subjectGroups collectionChannels collectedFrom collectedUntil heldBy { id name }
      dataCategories { name concernsChildren }
      consents { id title kind validFrom validUntil supersedes { id title } supersededBy { id title }
                 permittedPurposes { name } evidence { ...Ev } disputes { ...Dis } }
      derivedFrom { id kind date source { id name heldBy { name } } }
      derivatives { id kind date dataset { id name heldBy { name } } }
      evidence { ...Ev } disputes { ...Dis } hedges { ...Hedge }
    }
    trail: traceDataset(id: $id, maxHops: $maxHops, first: 100) { ...Chain }
  } ${CHAIN} ${EVIDENCE_BRIEF} ${EVIDENCE} ${DISPUTE} ${HEDGE}`,
  /** A derivation has no query of its own: it is read from the dataset it made. */
  derivation: `query DerivationFacts($dataset: ID!) {
    dataset(id: $dataset) { derivedFrom { ...Derivation } }
  } ${DERIVATION} ${EVIDENCE} ${DISPUTE} ${HEDGE}`,
  /** Paged (graphqlAll). */
  disputes: `query Disputes($after: String) { disputes(first: 100, after: $after) { ...Dis cursor } } ${EVIDENCE} ${DISPUTE}`,
  downstream: `query Downstream($from: ID!, $maxHops: Int, $since: Date, $until: Date, $dataCategory: String,
                              $childrenOnly: Boolean, $purpose: ID, $follow: FlowBasis, $after: String) {
    chains: traceFlows(from: $from, maxHops: $maxHops, since: $since, until: $until, dataCategory: $dataCategory,
                       childrenOnly: $childrenOnly, purpose: $purpose, follow: $follow, first: 100, after: $after) { ...Chain }
  } ${CHAIN} ${EVIDENCE_BRIEF}`,
  upstream: `query Upstream($to: ID!, $maxHops: Int, $since: Date, $until: Date, $dataCategory: String,
                          $childrenOnly: Boolean, $purpose: ID, $follow: FlowBasis, $after: String) {
    chains: upstream(to: $to, maxHops: $maxHops, since: $since, until: $until, dataCategory: $dataCategory,
                     childrenOnly: $childrenOnly, purpose: $purpose, follow: $follow, first: 100, after: $after) { ...Chain }
  } ${CHAIN} ${EVIDENCE_BRIEF}`,
  datasetTrail: `query DatasetTrail($id: ID!, $maxHops: Int, $after: String) {
    dataset(id: $id) { id name heldBy { id name types } }
    chains: traceDataset(id: $id, maxHops: $maxHops, first: 100, after: $after) { ...Chain }
  } ${CHAIN} ${EVIDENCE_BRIEF}`,
  timeline: `query Timeline($organisations: [ID!]!) {
    timeline(organisations: $organisations, first: 100) {
      id kind date firstReported summary organisations { id name } evidence { ...Ev } disputes { id }
    }
  } ${EVIDENCE}`,
  recordTransfer: `mutation RecordTransfer($input: TransferInput!) {
    recordTransfer(input: $input) { id from { id name } to { id name } date }
  }`,
  recordOrganisation: `mutation RecordOrganisation($input: OrganisationInput!) {
    recordOrganisation(input: $input) { id name }
  }`,
  /** A stretch of one source's document: null text where the caller may not read it (a journalist, a source not public). */
  documentText: `query DocumentText($id: ID!, $start: Int!, $length: Int!) {
    source(id: $id) { id title publisher public document { characters text(start: $start, length: $length) } }
  }`,
  searchDocuments: `query SearchDocuments($text: String!, $first: Int) {
    searchDocuments(text: $text, first: $first) {
      start end text highlights { start end } mentions { id name }
      source { id title publisher published public document { characters } }
    }
  }`
};

/**
 * Attaches a file to a source (POST /sources/{id}/document, multipart field "file") with the tab's token. Resolves
 * with the server's JSON answer and whether it was new (201) or the same bytes again (200); rejects with an ApiError
 * carrying the server's message (400, 403, 404, 413, 415 answer JSON with one).
 */
export async function attachDocument(sourceId, file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers = { Accept: 'application/json' };
  if (token()) {
    headers.Authorization = 'Bearer ' + token();
  }
  const response = await fetch('/sources/' + encodeURIComponent(sourceId) + '/document', { method: 'POST', headers, body });
  let answer = null;
  try {
    answer = await response.json();
  } catch (notJson) {
    // reported below with the status
  }
  if (!response.ok) {
    throw new ApiError(answer?.message || 'The server answered HTTP ' + response.status, [], response.status);
  }
  return { ...answer, created: response.status === 201 };
}

/** The citations of many transfers, in requests of 40 aliases each (the API bounds a request's cost). */
export async function transferEvidence(ids) {
  const result = new Map();
  for (let i = 0; i < ids.length; i += 40) {
    const batch = ids.slice(i, i + 40);
    const parameters = batch.map((id, n) => `$t${n}: ID!`).join(', ');
    const fields = batch.map((id, n) => `t${n}: transfer(id: $t${n}) { id evidence { ...EvBrief } }`).join('\n');
    const variables = Object.fromEntries(batch.map((id, n) => ['t' + n, id]));
    const data = await graphql(`query Citations(${parameters}) { ${fields} } ${EVIDENCE_BRIEF}`, variables);
    batch.forEach((id, n) => result.set(id, data['t' + n]?.evidence || []));
  }
  return result;
}
