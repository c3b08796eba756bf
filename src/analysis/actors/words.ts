// Closed classes of English words the actor pass reads: pronouns, titles, determiners and the
// like. Open classes (names, role words) come from the actor dictionary.

/** 'first': first and second person ("I", "we", "you"), which name the speaker or their addressee. */
export type PronounClass = 'he' | 'she' | 'it' | 'they' | 'first';

export interface PronounInfo {
  class: PronounClass;
  plural: boolean;
  /** Object form ("him", "them"): cannot be the subject of its own clause. */
  object: boolean;
  possessive: boolean;
}

export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map([
  ['he', { class: 'he', plural: false, object: false, possessive: false }],
  ['him', { class: 'he', plural: false, object: true, possessive: false }],
  ['his', { class: 'he', plural: false, object: false, possessive: true }],
  ['himself', { class: 'he', plural: false, object: true, possessive: false }],
  ['she', { class: 'she', plural: false, object: false, possessive: false }],
  ['her', { class: 'she', plural: false, object: true, possessive: true }],
  ['hers', { class: 'she', plural: false, object: false, possessive: true }],
  ['herself', { class: 'she', plural: false, object: true, possessive: false }],
  ['it', { class: 'it', plural: false, object: false, possessive: false }],
  ['its', { class: 'it', plural: false, object: false, possessive: true }],
  ['itself', { class: 'it', plural: false, object: true, possessive: false }],
  ['they', { class: 'they', plural: true, object: false, possessive: false }],
  ['them', { class: 'they', plural: true, object: true, possessive: false }],
  ['their', { class: 'they', plural: true, object: false, possessive: true }],
  ['theirs', { class: 'they', plural: true, object: false, possessive: true }],
  ['themselves', { class: 'they', plural: true, object: true, possessive: false }],
  // First person: kept as mentions so that the quotes pass can give them to the speaker.
  ['i', { class: 'first', plural: false, object: false, possessive: false }],
  ["i'm", { class: 'first', plural: false, object: false, possessive: false }], // one token for wink-nlp
  ['me', { class: 'first', plural: false, object: true, possessive: false }],
  ['my', { class: 'first', plural: false, object: false, possessive: true }],
  ['we', { class: 'first', plural: true, object: false, possessive: false }],
  ['us', { class: 'first', plural: true, object: true, possessive: false }],
  ['our', { class: 'first', plural: true, object: false, possessive: true }],
  // Second person: the speaker's addressee, also left to the quotes pass.
  ['you', { class: 'first', plural: false, object: false, possessive: false }],
  ['your', { class: 'first', plural: false, object: false, possessive: true }],
]);

/** Relative pronouns that take the mention just before them ("Assad, who ..."). */
export const RELATIVE_PRONOUNS: ReadonlyMap<string, 'person' | 'thing'> = new Map([
  ['who', 'person'],
  ['which', 'thing'],
]);

export interface Honorific {
  gender?: 'm' | 'f';
  /** The role word an abbreviated title stands for ("Sen." → senator). */
  role?: string;
}

/** Titles before a name that are not role words: they tell a person, sometimes a gender or a role. */
export const HONORIFICS: ReadonlyMap<string, Honorific> = new Map<string, Honorific>([
  ['mr', { gender: 'm' }],
  ['mrs', { gender: 'f' }],
  ['ms', { gender: 'f' }],
  ['miss', { gender: 'f' }],
  ['mx', {}],
  ['dr', {}],
  ['prof', {}],
  ['professor', {}],
  ['sir', { gender: 'm' }],
  ['dame', { gender: 'f' }],
  ['lord', { gender: 'm' }],
  ['lady', { gender: 'f' }],
  ['rev', {}],
  ['reverend', {}],
  ['father', { gender: 'm' }],
  ['sheikh', { gender: 'm' }],
  ['sheik', { gender: 'm' }],
  ['shaikh', { gender: 'm' }],
  ['sayyed', { gender: 'm' }],
  ['sayyid', { gender: 'm' }],
  ['seyyed', { gender: 'm' }],
  ['hojatoleslam', { gender: 'm' }],
  ['hojatolislam', { gender: 'm' }],
  ['ayatollah', { gender: 'm' }],
  ['grand ayatollah', { gender: 'm' }],
  ['imam', { gender: 'm' }],
  ['mullah', { gender: 'm' }],
  ['rabbi', {}],
  ['pope', { gender: 'm' }],
  ['cardinal', { gender: 'm' }],
  ['sen', { role: 'senator' }],
  ['rep', { role: 'representative' }],
  ['gov', { role: 'governor' }],
  ['pres', { role: 'president' }],
  ['amb', { role: 'ambassador' }],
  ['gen', { role: 'general' }],
  ['lt', { role: 'general' }],
  ['col', { role: 'general' }],
  ['maj', { role: 'general' }],
  ['capt', { role: 'general' }],
  ['adm', { role: 'general' }],
  ['brig', { role: 'general' }],
  ['sgt', { role: 'soldier' }],
  ['cmdr', { role: 'commander' }],
]);

/**
 * Common nouns that name a speaker or source without a role of their own ("the company said",
 * "the report found", "voters said"): descriptions, resolved where the text allows. The value
 * tells what they may stand for: an organisation or media named before, a titled person, or
 * nobody in particular.
 */
export type GenericKind = 'organisation' | 'media' | 'person' | 'nobody';
export const GENERIC_HEADS: ReadonlyMap<string, GenericKind> = new Map<string, GenericKind>([
  ...'company firm airline bank group organisation organization agency party committee commission board council union coalition alliance foundation institute university team'
    .split(' ')
    .map((w) => [w, 'organisation'] as [string, GenericKind]),
  ...'newspaper paper network outlet channel magazine station website publication'.split(' ').map((w) => [w, 'media'] as [string, GenericKind]),
  ...'candidate nominee frontrunner challenger incumbent businessman businesswoman billionaire lawyer attorney man woman guy'
    .split(' ')
    .map((w) => [w, 'person'] as [string, GenericKind]),
  ...('report statement study survey poll letter ad advertisement email memo document complaint lawsuit filing release announcement ' +
    'editorial article post tweet video book ruling campaign voter delegate people economist expert analyst investor critic opponent ' +
    'supporter resident observer member donor scientist researcher doctor worker employee student parent public')
    .split(' ')
    .map((w) => [w, 'nobody'] as [string, GenericKind]),
]);

/** Words that open a noun phrase. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'both', 'another', 'some', 'several', 'many', 'other']);
export const INDEFINITE = new Set(['a', 'an', 'another', 'some', 'several', 'many']);

/** Modifiers that may stand between a determiner and a role ("a senior official"). */
export const ROLE_MODIFIERS = new Set(
  ('senior top former deputy acting chief key other unnamed anonymous high-ranking high ranking senior-level local regional interim new ' +
    'outgoing incoming then ex current late longtime long-time veteran powerful hardline moderate rival leading main two three ' +
    'several many some unidentified unnamed military civilian government opposition').split(' '),
);

/** "US-backed", "Iran-led": the country is a relation of the actor, not the actor. */
export const RELATION_PARTICIPLES = new Set(
  'backed led allied supported sponsored funded aligned controlled held run based armed trained financed friendly affiliated linked brokered'.split(' '),
);

/** Nouns that make "the two ..." a group of actors already named, not a new actor. */
export const GROUP_NOUNS = new Set(
  'nations countries sides states governments leaders men women presidents allies neighbours neighbors parties powers capitals sides rivals partners delegations ministers officials two three'.split(' '),
);
export const NUMBER_WORDS = new Set(['two', 'three', 'four', 'both']);

/** Heads of "his country", "the nation": the country itself. */
export const COUNTRY_NOUNS = new Set(['country', 'nation']);

/** Prepositions after which a capital is a place, not its government ("talks in Tehran"). */
export const LOCATIVE_PREPOSITIONS = new Set(
  'in at near from to into outside inside across throughout around toward towards via within between through over'.split(' '),
);

/** Capitalised words that are never names of actors. */
export const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun ' +
    'god allah christmas easter ramadan eid today yesterday tomorrow tonight i mr mrs ms dr ok yes no honor honour ' +
    'first second third fourth fifth sixth seventh eighth ninth tenth last next jr sr hundreds thousands millions dozens scores tens').split(' '),
);

/** Words that may sit inside a name in lower case ("Bashar al-Assad", "Bank of England"). */
export const NAME_JOINERS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'dos', 'das', 'y']);
/** "of" joins a name only after an organisation word ("Bank of America", "University of Texas"). */
export const ORG_HEADS = new Set(
  'bank university department ministry council institute office league union republic kingdom church party army court college school museum federation association society organization organisation committee board bureau agency commission house state states center centre foundation order academy secretary'.split(' '),
);
/** Name suffixes ("Donald Trump Jr."). */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Last words of capitalised runs that name events, laws and agreements, not actors ("Warsaw Summit", "Paris Agreement"). */
export const EVENT_WORDS = new Set(
  ('summit conference talks agreement accord accords deal treaty protocol process plan initiative doctrine act law bill war wars ' +
    'election elections primary primaries caucus caucuses debate convention olympics games cup championship crisis conflict ' +
    'revolution uprising spring festival award awards prize day week').split(' '),
);

/**
 * Last words of capitalised names that name documents, laws, parts of them and ideas, not
 * actors ("UN Charter", "Article 5", "the Geneva Conventions", "Human Rights").
 */
export const DOCUMENT_WORDS = new Set(
  ('charter charters article articles constitution declaration resolution resolutions amendment amendments covenant manifesto statute ' +
    'clause chapter section paragraph code directive regulation regulations rule rules doctrine principles rights freedom freedoms ' +
    'democracy liberty sovereignty independence holocaust genocide').split(' '),
);

/** First words of regions named by an adjective ("South American", "Latin American", "Western"). */
export const REGION_WORDS = new Set('north south east west northern southern eastern western central latin middle sub-saharan'.split(' '));

/** Last words of unknown names that tell their type. */
export const MEDIA_WORDS = new Set(
  ('times post news journal herald tribune gazette telegraph guardian press tv television radio network channel magazine daily weekly review agency broadcasting wire ' +
    // the wire services, which the text names alone
    'reuters ap afp upi dpa efe ansa kyodo yonhap interfax anadolu bernama pti').split(' '),
);
export const ARMED_WORDS = new Set('army brigade brigades battalion battalions militia front forces force corps guard guards'.split(' '));
export const ORG_WORDS = new Set(
  ('party ministry council committee company corp corporation inc ltd llc group bank university institute foundation association union ' +
    'organisation organization commission department court agency movement alliance coalition federation league office service services ' +
    'board bureau centre center church school college hospital club campaign fund trust network project police administration pac pacs').split(' '),
);

/**
 * Online platforms, by their name's words as keys: "on Twitter", "took to Facebook", "via
 * Telegram" name where something was said, not who it was said to or about (../non-actors.ts).
 */
export const PLATFORM_NAMES = new Set(
  ['twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'telegram', 'whatsapp', 'weibo', 'wechat', 'truth social', 'threads', 'linkedin', 'reddit', 'snapchat', 'bluesky', 'substack', 'vkontakte', 'vk', 'rumble', 'gab', 'parler'],
);

/** Shares of a group a poll or a vote counts: "28 percent of Republicans", "two-thirds of Democrats". */
export const POLL_SHARES = new Set(['percent', '%', 'cent', 'thirds', 'third', 'half', 'quarter', 'quarters', 'fifth', 'fifths', 'majority', 'plurality', 'minority']);

/**
 * Singular nouns of one person or one body: a name before them says where they are from or
 * whose side they are on ("a German anti-refugee group", "a Republican donor"), and does not
 * make them that country or party. Documents and acts are not among them: "the Iranian
 * statement", "Iranian support" are Iran's.
 */
export const INDIVIDUAL_NOUNS = new Set(
  ('man woman guy boy girl businessman businesswoman billionaire lawyer attorney candidate nominee activist ' +
    'voter delegate economist expert analyst investor critic opponent supporter donor strategist operative resident observer ' +
    'scientist researcher doctor worker employee student parent citizen national tourist journalist writer blogger ' +
    'firm group organisation organization foundation institute outfit charity club team think-tank').split(' '),
);
/**
 * Events, issues and ties a name before them is the place, the subject or a party of, not the
 * actor: "the Iraq war", "the Iran nuclear deal", "the Russia investigation", "the US-Iran
 * talks". (Acts are the actor's own: "US strikes", "Iranian support".)
 */
export const EVENT_NOUNS = new Set(
  ('war wars conflict crisis deal agreement accord talks negotiations election elections investigation probe inquiry scandal ' +
    'issue question file dossier policy debate hearing trial referendum meeting summit ticket race rivalry alliance relationship ' +
    'relations ties feud matchup contest partnership pact treaty ceasefire truce').split(' '),
);

/** The singular words for one member of a party. */
export const PARTY_MEMBERS = new Set(['republican', 'democrat']);

/** Words of a party or a camp that stand before a person's name as a label ("Democrat Clinton"). */
export const PARTY_LABELS = new Set([...PARTY_MEMBERS, 'conservative', 'labour', 'labor', 'liberal', 'socialist', 'tory', 'gop', 'libertarian', 'independent']);

/** Role words that are also surnames. */
export const SURNAME_ROLES = new Set(['king', 'prince', 'queen', 'bishop', 'judge', 'major', 'marshal', 'duke', 'pope', 'baron']);
