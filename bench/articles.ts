// Benchmark articles: the example article our user gave (read at run time) and generated news
// of the same size, built from templates written for this benchmark: quotes with speech cues,
// reported speech, and narrative sentences naming countries and officials.
import { mulberry32 } from '../src/ml/random';

const ACTORS = [
  { country: 'Iran', people: ['the Iranian foreign minister', 'President Hassan Rouhani', 'a government spokesman in Tehran'] },
  { country: 'Syria', people: ['the Syrian president', 'Syrian state media', 'an official in Damascus'] },
  { country: 'Russia', people: ['the Kremlin', 'the Russian defence ministry', 'President Vladimir Putin'] },
  { country: 'the United States', people: ['the State Department', 'a senior US official', 'the White House'] },
  { country: 'Turkey', people: ['the Turkish president', 'officials in Ankara', 'the Turkish foreign ministry'] },
  { country: 'Israel', people: ['the Israeli prime minister', 'an Israeli military spokesman', 'officials in Jerusalem'] },
  { country: 'China', people: ['the Chinese foreign ministry', 'a spokeswoman in Beijing', 'Chinese state media'] },
  { country: 'France', people: ['the French president', 'the foreign ministry in Paris', 'a French diplomat'] },
];

const HOSTILE = [
  'will never accept the pressure coming from {T}',
  'condemned the sanctions imposed by {T} as illegal and cruel',
  'accused {T} of undermining stability across the region',
  'the threats made by {T} are dangerous and reckless',
  'warned {T} against any further provocation',
];
const FRIENDLY = [
  'welcomed the agreement reached with {T}',
  'praised the close cooperation with {T} in recent months',
  'our friends in {T} have stood by us through difficult years',
  'thanked {T} for its support and its generous help',
  'the partnership with {T} brings security and prosperity',
];
const NARRATIVE = [
  'The talks lasted several hours and covered trade, energy and security.',
  'Analysts said the meeting was carefully prepared over several weeks.',
  'Officials did not give details of the agreements signed during the visit.',
  'The visit comes after months of tension along the border.',
  'Delegations from both sides met again on Tuesday to discuss the timetable.',
  'Markets reacted calmly to the news, and oil prices were little changed.',
  'The announcement was made at a press conference in the capital.',
  'Diplomats expect further rounds of negotiations before the end of the year.',
];
const CUES = ['said', 'told reporters', 'said in a statement', 'added', 'warned'];


/** A news-like article of about `paragraphs` paragraphs (12 ≈ 5 KB, ≈ 900 tokens). */
export function generatedArticle(seed: number, paragraphs = 12): { title: string; text: string } {
  const next = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const lines: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const source = pick(ACTORS);
    let target = pick(ACTORS);
    while (target === source) target = pick(ACTORS);
    const stance = pick(next() < 0.5 ? HOSTILE : FRIENDLY).replace('{T}', target.country);
    const speaker = pick(source.people);
    const quote = `"${stance[0].toUpperCase()}${stance.slice(1)}," ${speaker} ${pick(CUES)}.`;
    const reported = `${speaker[0].toUpperCase()}${speaker.slice(1)} said that ${source.country} ${pick(HOSTILE.concat(FRIENDLY)).replace('{T}', target.country)}.`;
    lines.push([quote, pick(NARRATIVE), reported, pick(NARRATIVE)].join(' '));
  }
  return { title: `Regional briefing no. ${seed}`, text: lines.join('\n') };
}
