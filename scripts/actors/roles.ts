// Role words: the PETRARCH agents ("MINISTER [~GOV]") with their plurals, corrected and extended
// by scripts/data/roles.tsv, each told a person ("minister") or a body ("ministry").
import type { RoleWord } from '../../src/models/actors';
import type { RawAgent } from './petrarch';

const PERSON_SUFFIX = /(ist|ian|man|woman|person|eer|ier|ant|ee|er|or|at|ic|ive)$/;
const BODY_NOUNS = new Set(
  'government parliament department establishment movement committee center centre chamber sector headquarter headquarters border order power tanker freighter airliner jetliner bomber carrier destroyer cruiser container computer manufacturer producer exporter maker automaker carmaker steelmaker supertanker oiler corridor senate council agency mob population republic garrison arsenal barracks outpost platoon detachment squadron battalion brigade regiment division fleet flotilla patrol convoy aircraft plane jet ship vessel boat tank helicopter drone missile'.split(' '),
);
const PERSON_NOUNS = new Set('president resident student agent correspondent regent dissident insurgent opponent delegate candidate magistrate advocate chief head king queen prince princess emperor empress general official envoy aide leader premier judge mayor cleric imam priest pope bishop monk nun pupil guard militant rebel soldier captain colonel major lieutenant sergeant admiral marshal chancellor consul dictator tyrant despot monarch ruler sultan emir sheikh secretary emissary dignitary missionary functionary revolutionary mercenary child'.split(' '));

export function buildRoleWords(agents: RawAgent[], curated: RoleWord[]): RoleWord[] {
  const byPhrase = new Map<string, RoleWord>();
  for (const agent of agents) {
    if (!/^[a-z][a-z' .-]*$/.test(agent.phrase)) continue;
    const last = agent.phrase.split(' ').pop()!;
    const word: RoleWord = { phrase: agent.phrase, code: agent.code, kind: isPersonNoun(last) ? 'person' : 'body' };
    const plurals = agent.plurals ?? [regularPlural(agent.phrase)];
    if (plurals.length) word.plurals = plurals;
    const gender = /woman$/.test(last) ? 'f' : /(^|[^u])man$/.test(last) && !/(german|human|ottoman)$/.test(last) ? 'm' : undefined;
    if (gender) word.gender = gender;
    byPhrase.set(word.phrase, word);
  }
  for (const word of curated) {
    if (word.code === '-') byPhrase.delete(word.phrase);
    else byPhrase.set(word.phrase, word);
  }
  // "government forces", "security official": a phrase ending in a curated word stands alone as that word does.
  const curatedByPhrase = new Map(curated.filter((w) => w.code !== '-').map((w) => [w.phrase, w]));
  for (const word of byPhrase.values()) {
    if (curatedByPhrase.has(word.phrase)) continue;
    const last = word.phrase.split(' ').pop()!;
    const head = curatedByPhrase.get(last) ?? [...curatedByPhrase.values()].find((w) => w.plurals?.includes(last) || (w.plural && w.phrase === last));
    if (!head) continue;
    word.kind = head.kind;
    if (head.bare) word.bare = true;
    if (head.gender) word.gender = head.gender;
  }
  return [...byPhrase.values()].sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}

function isPersonNoun(word: string): boolean {
  if (PERSON_NOUNS.has(word)) return true;
  if (BODY_NOUNS.has(word) || /ment$|ity$|ry$|ion$|ship$|ing$/.test(word)) return false;
  return PERSON_SUFFIX.test(word);
}

function regularPlural(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop()!;
  let plural: string;
  if (/man$/.test(last) && !/(german|human)$/.test(last)) plural = last.replace(/man$/, 'men');
  else if (/[^aeiou]y$/.test(last)) plural = last.slice(0, -1) + 'ies';
  else if (/(s|x|z|ch|sh)$/.test(last)) plural = last + 'es';
  else plural = last + 's';
  return [...words, plural].join(' ');
}
