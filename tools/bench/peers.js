// Runs one peer quote extractor over a JSON Lines corpus (the saidby bench input) and prints
// "<peer> <documents> <quotes>" to stdout. Peers: `compromise` (nlp(text).quotations(), the
// quote spans only, no speakers) and `quote-parser` (parse(text, 'en'): quotes of 30+ chars
// with a speaker guess). Modules are found through NODE_PATH (tools/bench/run installs them in
// a scratch folder). Cost: the peer's own, plus one JSON.parse per line.
//
// Example:
//   NODE_PATH=/tmp/npm/node_modules node tools/bench/peers.js compromise corpus.jsonl
'use strict';

const fs = require('fs');
const readline = require('readline');

const [peer, input] = process.argv.slice(2);
let extract;
if (peer === 'compromise') {
  const nlp = require('compromise');
  extract = (text) => nlp(text).quotations().out('array').length;
} else if (peer === 'quote-parser') {
  const qp = require('quote-parser');
  extract = (text) => qp.parse(text, 'en').length;
} else {
  console.error('usage: peers.js compromise|quote-parser FILE.jsonl');
  process.exit(2);
}

const lines = readline.createInterface({ input: fs.createReadStream(input), crlfDelay: Infinity });
let docs = 0;
let quotes = 0;
lines.on('line', (line) => {
  if (!line.trim()) return;
  const doc = JSON.parse(line);
  docs += 1;
  quotes += extract(doc.text);
});
lines.on('close', () => console.log(`${peer} ${docs} ${quotes}`));
