// Pass 1: normalise the text without moving a single character, so that every offset found on
// the normalised text is also an offset into the caller's text.
//
// - Invisible characters (byte-order marks, zero-width spaces and joiners, soft hyphens) and
//   control characters become spaces: wink-nlp drops some of them, which would shift tokens.
// - Non-breaking and other Unicode spaces become plain spaces.
// - A typographic apostrophe inside a word (don’t, Iran’s) becomes ', so that wink-nlp and the
//   AFINN scorer see the contraction; quotation marks are kept as they are (the quotes pass
//   needs to tell “ from ”).
// - HTML tags, when the text has any, are blanked out with spaces.

const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
// ’ or ‘ or ` between two letters: an apostrophe, not a quotation mark.
const INNER_APOSTROPHE = /(?<=\p{L})[\u2019\u2018`\u02BC](?=\p{L})/gu;
// A tag: < then a letter, / or ! and anything but angle brackets up to >. Linear: no nesting.
const HTML_TAG = /<[a-zA-Z/!][^<>]{0,2000}>/g;

export function normalise(text: string): string {
  let out = text.replace(/\r/g, ' ').replace(INVISIBLE, ' ').replace(SPACES, ' ').replace(INNER_APOSTROPHE, "'");
  if (out.includes('<')) out = out.replace(HTML_TAG, (tag) => ' '.repeat(tag.length));
  return out;
}
