// The message line under the header: what the page tells the reader (a token accepted, a link copied) and what failed.

import { $ } from './dom.js';

/** Shows `text` in the message line, as an error when `error`; no text hides the line. */
export function say(text, error = false) {
  const message = $('message');
  message.hidden = !text;
  message.textContent = text || '';
  message.classList.toggle('error', error);
}

/** A handler for a failed request: logs the error to the console and says what failed, and why. */
export function failed(what) {
  return error => {
    console.error(error);
    say(what + ': ' + error.message, true);
  };
}
