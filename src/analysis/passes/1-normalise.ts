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
// ’ or ‘ or ` between two letters: an apostrophe, not a quotation mark. (Found by the mark
// alone, the letters checked around each one: a look-behind would be tried at every position.)
const APOSTROPHE_LIKE = /[\u2019\u2018`\u02BC]/g;
const LETTER_BEFORE = /\p{L}$/u;
const LETTER_AFTER = /^\p{L}/u;
const innerApostrophe = (mark: string, at: number, text: string): string =>
  LETTER_BEFORE.test(text.slice(Math.max(0, at - 2), at)) && LETTER_AFTER.test(text.slice(at + 1, at + 3)) ? "'" : mark;
// A tag: < then a letter, / or ! and anything but angle brackets up to >. Linear: no nesting.
const HTML_TAG = /<[a-zA-Z/!][^<>]{0,2000}>/g;

export function normalise(text: string): string {
  let out = text.replace(/\r/g, ' ').replace(INVISIBLE, ' ').replace(SPACES, ' ').replace(APOSTROPHE_LIKE, innerApostrophe);
  if (out.includes('<')) out = out.replace(HTML_TAG, (tag) => ' '.repeat(tag.length));
  return out;
}
