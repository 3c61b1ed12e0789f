// The search box: organisations suggested by name or alias as the reader types (arrow keys and Enter choose one),
// and under them a way to search the source documents for the same words.

import { graphql, queries } from './api.js';
import { $, h, fill } from './dom.js';
import { searchDocuments } from './documents.js';
import { failed } from './message.js';
import { choose } from './organisation.js';

let searchTimer = null;
let searchSeq = 0;
let suggestions = [];
let active = -1;

/** The search box's keys and the click outside it that closes the suggestions. */
export function setUpSearch() {
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(suggest, 180);
  });
  $('search').addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = Math.max(0, Math.min(suggestions.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      renderSuggestions();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = suggestions[Math.max(active, 0)];
      if (choice) {
        choose(choice.id);
      } else {
        suggest();
      }
    } else if (event.key === 'Escape') {
      $('suggestions').hidden = true;
    }
  });
  document.addEventListener('click', event => {
    if (!event.target.closest('.search')) {
      $('suggestions').hidden = true;
    }
  });
}

async function suggest() {
  const text = $('search').value.trim();
  const seq = ++searchSeq;
  if (!/[\p{L}\p{N}]/u.test(text)) {
    suggestions = [];
    renderSuggestions();
    return;
  }
  try {
    const found = (await graphql(queries.search, { text })).search;
    if (seq === searchSeq) {
      suggestions = found;
      active = found.length ? 0 : -1;
      renderSuggestions();
    }
  } catch (error) {
    failed('Search failed')(error);
  }
}

function renderSuggestions() {
  const list = $('suggestions');
  const words = $('search').value.toLowerCase().split(/\s+/).filter(Boolean);
  fill(list, suggestions.length ? suggestions.map((o, i) => {
    const alias = o.aliases.find(a => words.some(w => a.toLowerCase().includes(w)));
    return h('li', { role: 'option', 'aria-selected': i === active ? 'true' : 'false', dataset: { id: o.id }, onclick: () => choose(o.id) },
      o.name, alias && !o.name.toLowerCase().includes(words[0] || '') ? h('span', { class: 'alias' }, '  also: ' + alias) : null);
  }) : h('li', { class: 'none' }, 'No organisation by that name'),
  h('li', { class: 'documents', id: 'suggest-documents', onclick: () => { list.hidden = true; searchDocuments($('search').value); } },
    'Search the documents for “' + $('search').value.trim() + '” →'));
  list.hidden = !$('search').value.trim();
}
