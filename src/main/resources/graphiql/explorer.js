// The explorer's own code, in a file of its own: the Content-Security-Policy allows no inline script.
// Example investigations on the seed case, one tab each (the README explains them).
const examples = [
  { title: 'Trace Emma\'s Diary', query:
`# Where did the Emma's Diary data go, and did the mothers agree?
query TraceEmmasDiary {
  traceFlows(from: "lifecycle-marketing", maxHops: 4) {
    hops
    organisations { id name }
    transfers { id date recordCount purposes { id } evidence { quote source { title } } }
    consent { covered uncoveredPurposes { id name } firstUncoveredHop explanation }
  }
}` },
  { title: 'Search', query:
`# Names and aliases, ignoring case, accents and punctuation
query SearchEmmasDiary {
  search(text: "emmas diary") { id name aliases types }
}` },
  { title: 'Upstream of Labour', query:
`# Who fed data to the Labour Party?
query UpstreamOfLabour {
  upstream(to: "labour-party", maxHops: 4) {
    organisations { name }
    transfers { id date recordCount }
    consent { covered explanation }
  }
}` },
  { title: 'Disputes', query:
`# Where the sources disagree, each claim with its evidence
query Disputes {
  disputes { subject field kind claims { value evidence { quote source { id title } } } }
}` }
];
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('explorer')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: examples.map(e => ({ query: e.query })),
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true
  }));
