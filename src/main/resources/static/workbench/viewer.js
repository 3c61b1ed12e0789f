// Who is asking: the caller the API sees (a role, and whether it may record findings) from the token pasted into
// the page, or without one. A token the API does not accept is dropped, and the page reads on without it.

import { graphql, queries, token, setToken, ApiError } from './api.js';
import { $ } from './dom.js';
import { view } from './state.js';
import { say } from './message.js';

/** Asks the API who the caller is, and shows the answer: the role, the token controls, the recording forms. */
export async function askViewer() {
  try {
    view.viewer = (await graphql(queries.viewer)).viewer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && token()) {
      setToken(null);
      say('That token was not accepted; you are reading as a journalist.', true);
      return askViewer();
    }
    view.viewer = null;
    say(error.status === 401 ? 'This server needs a token to read anything: paste one above.' : 'Cannot reach the API: ' + error.message, true);
  }
  const role = $('role');
  role.textContent = view.viewer ? view.viewer.role : 'no access';
  role.classList.toggle('writer', !!view.viewer?.mayRecord);
  $('forget-token').hidden = !token();
  $('token').value = '';
  $('record').hidden = !view.viewer?.mayRecord;
}

/** The token form and its "forget" button; `loadForViewer` loads the page again for a token that is accepted. */
export function setUpViewer(loadForViewer) {
  $('token-form').addEventListener('submit', async event => {
    event.preventDefault();
    const value = $('token').value.trim();
    if (!value) {
      return;
    }
    setToken(value);
    say('');
    await askViewer();
    if (token()) {
      await loadForViewer();
      if (view.viewer?.mayRecord) {
        say('Token accepted: you may record findings.');
      }
    }
  });
  $('forget-token').addEventListener('click', async () => {
    setToken(null);
    say('');
    await askViewer();
  });
}
