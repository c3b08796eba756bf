// What the models learnt from the treebanks record about their data (also in models/NOTICE.md).

export const GUM_LICENCE =
  'Learnt from GUM (Georgetown University Multilayer corpus; Zeldes 2017), the genres whose texts are openly licensed: ' +
  'annotations CC BY 4.0; texts CC BY 4.0 (academic, court), CC BY 2.5 (Wikinews news and interviews), CC BY-SA 3.0 ' +
  '(Wikipedia biographies, Wikivoyage travel guides). The parser also learnt from the Universal Dependencies English Web ' +
  'Treebank dev and test files, CC BY-SA 4.0 (Silveira et al. 2014; de Marneffe et al. 2021). No text is stored here: ' +
  'only hashed feature weights. See models/NOTICE.md.';

export const TREEBANK_CITATIONS = [
  'Zeldes, A. (2017) The GUM Corpus: Creating Multilayer Resources in the Classroom. Language Resources and Evaluation 51(3), 581-612.',
  'Silveira, N. et al. (2014) A Gold Standard Dependency Corpus for English. LREC 2014.',
  'de Marneffe, M.-C., Manning, C. D., Nivre, J., Zeman, D. (2021) Universal Dependencies. Computational Linguistics 47(2), 255-308.',
];
