// Recording findings from the page, for callers the API says may record (investigators, admins). The forms
// are only a convenience: the API checks the role and validates every field itself (evidence required).

import { h, fill } from './dom.js';

export function setUpRecording({ graphql, queries, view, $, say, choose, reload, current }) {
  const transferForm = $('record-transfer');
  const organisationForm = $('record-organisation');
  const result = $('record-result');

  function report(text, error) {
    result.textContent = text;
    result.classList.toggle('error', !!error);
  }

  // suggestions for the id fields: organisations and datasets on the page
  let prefilledFor = null;
  const refreshLists = () => {
    const organisations = new Map();
    view.model?.nodes.forEach((o, id) => organisations.set(id, o.name));
    if (view.organisation) {
      organisations.set(view.organisation.id, view.organisation.name);
    }
    fill($('known-organisations'), [...organisations].map(([id, name]) => h('option', { value: id }, name)));
    const datasets = new Map();
    view.organisation?.datasets.forEach(d => datasets.set(d.id, d.name));
    view.chains.forEach(c => c.transfers.forEach(t => t.dataset && datasets.set(t.dataset.id, t.dataset.name)));
    fill($('known-datasets'), [...datasets].map(([id, name]) => h('option', { value: id }, name)));
    // start "From" at the open organisation, once per organisation: a field the user cleared stays clear
    if (view.organisation && prefilledFor !== view.organisation.id) {
      prefilledFor = view.organisation.id;
      if (!transferForm.elements.from.value) {
        transferForm.elements.from.value = view.organisation.id;
      }
    }
  };
  transferForm.addEventListener('focusin', refreshLists);

  const evidence = form => [{ source: form.elements.source.value, quote: form.elements.quote.value.trim() }];
  const selected = select => [...select.selectedOptions].map(o => o.value);

  transferForm.addEventListener('submit', async event => {
    event.preventDefault();
    const f = transferForm.elements;
    const input = {
      id: f.id.value.trim(), from: f.from.value.trim(), to: f.to.value.trim(), dataset: f.dataset.value.trim(),
      date: f.date.value || null, recordCount: f.recordCount.value ? Number(f.recordCount.value) : null,
      recordCountIsLowerBound: f.recordCountIsLowerBound.checked, purposes: selected(f.purposes), evidence: evidence(transferForm)
    };
    try {
      const { recordTransfer: t } = await graphql(queries.recordTransfer, { input });
      report('Recorded transfer ' + t.id + ': ' + t.from.name + ' → ' + t.to.name + (t.date ? ' on ' + t.date : '') + '.');
      transferForm.reset();
      if (current() === t.from.id || current() === t.to.id || view.model?.nodes.has(t.from.id)) {
        await reload();
      }
    } catch (error) {
      report('Not recorded: ' + error.message, true);
    }
  });

  organisationForm.addEventListener('submit', async event => {
    event.preventDefault();
    const f = organisationForm.elements;
    const input = {
      id: f.id.value.trim(), name: f.name.value.trim(), types: selected(f.types),
      aliases: f.aliases.value.split(',').map(a => a.trim()).filter(Boolean), description: f.description.value.trim() || null,
      evidence: evidence(organisationForm)
    };
    try {
      const { recordOrganisation: o } = await graphql(queries.recordOrganisation, { input });
      report('Recorded organisation ' + o.name + ' (' + o.id + ').');
      organisationForm.reset();
      say('');
      choose(o.id);
    } catch (error) {
      report('Not recorded: ' + error.message, true);
    }
  });
}
