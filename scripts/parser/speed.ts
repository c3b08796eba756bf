// The shipped parser (models/parser.json) on GUM test: attachment scores with wink-nlp's tags
// (as at run time) and its speed on one core, tagging included, as the median of several
// passes over the test set (the first passes warm the JIT up and are not counted).
//
//   node dist/scripts/parser/speed.js [--rounds N] [--split dev|test]
import { ParseScratch, parseWords } from '../../src/analysis/syntax/parser';
import { tagWords } from '../../src/analysis/syntax/tagger';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { loadNlp } from '../../src/models/nlp';
import { loadParserModel } from '../../src/models/parser';
import { type GumSplit, readGum } from '../treebanks/treebanks';
import { formatParserScores, scoreParser, wordsOf } from './score';

// CPU time of this process (user + system), not wall time: on a shared machine, time spent
// waiting for a core does not count.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function main(argv: string[]): void {
  const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const rounds = Number(option('--rounds', '15'));
  const split = option('--split', 'test') as GumSplit;
  const model = loadParserModel(DEFAULT_MODELS_DIR);
  const sentences = readGum(split, loadNlp()).flatMap((d) => d.sentences);
  console.log(`GUM ${split}, wink tags: ${formatParserScores(scoreParser(model, sentences))}`);
  const inputs = sentences.map((s) => wordsOf(s, 'wink'));
  const words = inputs.reduce((n, w) => n + w.length, 0);
  const scratch = new ParseScratch();
  const time = (f: () => void): number => {
    const started = cpuMs();
    f();
    return (cpuMs() - started) / 1000;
  };
  const all: number[] = [], tagging: number[] = [];
  for (let r = 0; r < rounds + 3; r++) {
    const parse = time(() => inputs.forEach((w) => parseWords(model, w, scratch)));
    const tag = time(() => inputs.forEach((w) => tagWords(model.tagger, w)));
    if (r >= 3) {
      all.push(words / parse);
      tagging.push(words / tag);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const k = (x: number) => `${(x / 1000).toFixed(0)}k`;
  console.log(
    `speed, one core, ${words} words, median of ${rounds} passes: tagging + parsing ${k(median(all))} words/s ` +
      `(passes ${k(Math.min(...all))}–${k(Math.max(...all))}); tagging alone ${k(median(tagging))} words/s`,
  );
}

main(process.argv.slice(2));
