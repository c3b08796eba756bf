// A worker thread that loads the models once and analyses what it is sent, so a test can give
// a huge or hostile input a deadline: analyze() is synchronous, and a thread can be stopped.
const { parentPort } = require('node:worker_threads');
require('../setup/ts-register.js');
const { loadModels } = require('../../src/models/index.ts');
const { analyze } = require('../../src/analysis/index.ts');

const models = loadModels();
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ article }) => {
  const started = process.hrtime.bigint();
  try {
    const analysis = analyze(article, models);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // The result's size as JSON, as the worker stores it (a result too large to write throws).
    const bytes = JSON.stringify(analysis).length;
    parentPort.postMessage({ ms, bytes, counts: { quotes: analysis.quotes.length, actors: analysis.actors.length, stances: analysis.stances.length } });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) });
  }
});
