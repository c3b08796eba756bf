// Bodies built to flood the store, not news: what one request could make the analysis keep
// before its output was capped (src/analysis/output.ts). Each is at most 1 MB, the most the
// API takes, and written from words of our own.

const SYLLABLES = ['ar', 'bel', 'cor', 'dun', 'el', 'fa', 'gor', 'hul', 'in', 'jar', 'kel', 'lor', 'mor', 'nar', 'os', 'pel'];

/** `unit` repeated to exactly `length` characters. */
function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The n-th invented two-word name ("Arbel Corlor"): every n gives another name. */
export function inventedName(n: number): string {
  const syllable = (shift: number) => SYLLABLES[(n >> shift) & 15];
  const word = (a: string, b: string) => a[0].toUpperCase() + a.slice(1) + b;
  return `${word(syllable(0), syllable(4))} ${word(syllable(8), syllable(12))}`;
}

/** About 970 KB of one short quote after another: some 17,000 statements by two speakers about one target. */
export function quoteFlood(length = 972_000): string {
  return repeat('"We condemn Israel," the Iranian foreign minister said.\n', length);
}

/** About 600 KB of invented people condemning one another, two to a sentence: some 25,000 actor pairs (the body had 24,000). */
export function pairFlood(length = 605_000): string {
  let text = '';
  for (let n = 0; text.length < length; n += 2) text += `${inventedName(n)} condemned ${inventedName(n + 1)} at the long meeting of the council. `;
  return text.slice(0, length);
}

/**
 * One sentence without end in which invented people condemn one another: every pair's evidence
 * is that whole sentence (20 KB made 184 MB of analysis before the caps).
 */
export function endlessSentence(length = 50_000): string {
  let text = '';
  for (let n = 0; text.length < length; n += 2) text += `${inventedName(n)} condemned ${inventedName(n + 1)} and `;
  return `${text.slice(0, length)} left`;
}
