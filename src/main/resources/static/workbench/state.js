// The page's state: what the URL says (so a link reopens the same view) and what the page has loaded for it.
// `state` is only changed here (changeState, stateFromUrl); the other modules read it, always the current one.

/**
 * What the URL says: the organisation, the trace controls and the selected fact. `ds`, when set, names a dataset
 * whose trail (traceDataset) the graph shows instead of the organisation's flows.
 */
export const DEFAULTS = { org: '', dir: 'down', hops: '4', since: '', until: '', purpose: '', cat: '', children: '', conn: '', ds: '', tl: 'chains', sel: '' };
export let state = readUrl();
/** What the page has loaded for the state: the caller, the organisation, the traced chains and their graph, the timeline. */
export const view = { viewer: null, organisation: null, dataset: null, chains: [], model: null, cy: null, timeline: [], vocabulary: null, disputes: null };

/** The state with `changes` applied (the URL is not written: see writeUrl). */
export function changeState(changes) {
  state = { ...state, ...changes };
}

/** The state the URL says, read again (at start-up once a caller may read, and when the browser goes back or forward). */
export function stateFromUrl() {
  state = readUrl();
}

/** The URL's state; a link can say anything, so hops are clamped to what the API takes and a date that is not YYYY-MM-DD is dropped. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const result = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    if (params.has(key)) {
      result[key] = params.get(key);
    }
  }
  result.hops = clampHops(result.hops, DEFAULTS.hops);
  result.since = isoDate(result.since) ? result.since : '';
  result.until = isoDate(result.until) ? result.until : '';
  return result;
}

/** The API follows 1..8 hops (the hops input allows the same): a number is clamped, anything else gives `fallback`. */
export function clampHops(value, fallback) {
  const hops = Math.round(Number(value));
  return String(value).trim() && Number.isFinite(hops) ? String(Math.min(8, Math.max(1, hops))) : fallback;
}

/** A real calendar date written YYYY-MM-DD, as the API's Date takes. */
function isoDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const date = new Date(text + 'T00:00:00Z');
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Writes the state into the URL, leaving out what is at its default: a new history entry when `push`, else in place. */
export function writeUrl(push) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value && value !== DEFAULTS[key]) {
      params.set(key, value);
    }
  }
  const url = location.pathname + (params.size ? '?' + params : '');
  if (url !== location.pathname + location.search) {
    (push ? history.pushState : history.replaceState).call(history, null, '', url);
  }
}
