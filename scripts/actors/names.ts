// Names as the build reads and writes them: how a PETRARCH phrase is displayed ("BASHAR_AL_ASSAD_"
// → "Bashar al-Assad"), which titles come off a person's name, and which synonyms are spellings
// of a country's name rather than places in it.
import { phraseKeys } from '../../src/models/actors';

/** Titles taken off people's names ("AYATOLLAH_KHAMENEI" → Khamenei). */
export const HONORIFICS = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sheikh sheik shaikh sayyed sayyid seyyed sayed hojatolislam ' +
    'hojatoleslam ayatollah grand imam mullah rabbi pope cardinal archbishop bishop gen general lt col colonel maj major capt captain adm ' +
    'admiral sgt marshal field brig cmdr commander sen senator rep gov governor pres president vice premier prime minister secretary ' +
    'chancellor king queen prince princess emir sultan crown deputy former late acting interim ambassador envoy mayor speaker chairman ' +
    'chief foreign defense defence interior finance justice state of the then ex supreme leader comrade marshall judge justice'
  ).split(' '),
);

/** Removes leading titles, roles and country words: "US_PRESIDENT_BARACK_OBAMA" → "BARACK_OBAMA". */
export function stripTitles(phrase: string, countryWords: Set<string>): string {
  const words = phrase.replace(/_/g, ' ').trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1) {
    const key = phraseKeys(words[i]).join(' ');
    if (!HONORIFICS.has(key) && !countryWords.has(key) && key !== 'us' && key !== 'un') break;
    i++;
  }
  return words.slice(i).join(' ');
}

/** Is `a` a spelling of `b` ("afghanestan" of "afghanistan")? Same first letter, few edits. */
export function isSpelling(a: string, b: string): boolean {
  if (a[0] !== b[0]) return false;
  const allowed = Math.max(1, Math.floor(Math.max(a.length, b.length) / 5));
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}


const LOWER_PARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az', 'bin', 'ibn', 'bint', 'de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'y', 'of', 'the', 'and', 'for', 'on', 'in', 'e', 'wa', 'wal', 'fi']);
const ARTICLE_PARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az']);

/** "BASHAR_AL_ASSAD_" → "Bashar al-Assad"; "U.S._STATE_DEPARTMENT" → "U.S. State Department". */
export function formatName(phrase: string, kind: 'person' | 'body' | 'place'): string {
  const words = phrase
    .replace(/\([^)]*\)/g, ' ')
    .replace(/_/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  words.forEach((word, i) => {
    const parts = word.split('-').map((part, j) => formatWord(part, i === 0 && j === 0, kind, words.length));
    out.push(parts.join('-'));
  });
  // "al Assad" → "al-Assad"
  const joined: string[] = [];
  for (let i = 0; i < out.length; i++) {
    if (i > 0 && i < out.length - 1 && ARTICLE_PARTICLES.has(out[i]) && kind === 'person') {
      joined.push(`${out[i]}-${out[i + 1]}`);
      i++;
    } else joined.push(out[i]);
  }
  return joined.join(' ');
}

function formatWord(word: string, first: boolean, kind: 'person' | 'body' | 'place', wordCount: number): string {
  const lower = word.toLowerCase();
  if (!lower) return word;
  if (!first && LOWER_PARTICLES.has(lower)) return lower;
  if (word.includes('.') || /^(ii|iii|iv)$/.test(lower)) return word.toUpperCase();
  if (kind === 'body' && wordCount === 1 && lower.length <= 4) return word.toUpperCase();
  if (kind === 'body' && !/[aeiouy]/.test(lower)) return word.toUpperCase();
  // O'REILLY → O'Reilly, HAY'AT → Hay'at
  return (lower.charAt(0).toUpperCase() + lower.slice(1)).replace(/^(\p{L})'(\p{L})/u, (_m, a: string, b: string) => `${a}'${b.toUpperCase()}`);
}
