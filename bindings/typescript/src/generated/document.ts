// The Document types, by json-schema-to-typescript, generated from schema/sayso-v1.schema.json by `just ts-types`
// (bindings/typescript/scripts/generate.mjs). Do not edit: a test fails when it is stale.

/**
 * How the article's language was known.
 */
export type LanguageSource = "given" | "detected" | "page";
/**
 * How the publication date was obtained.
 */
export type PublishedSource = "given" | "dateline" | "post" | "inferred" | "html";
/**
 * What a cue says about how the source relates to the content.
 */
export type CueClass =
  "assert" | "report" | "confirm" | "deny" | "claim" | "believe" | "announce" | "warn" | "ask" | "promise" | "post";
/**
 * The kind of an attributed statement.
 */
export type ClaimKind = "direct" | "indirect" | "mixed" | "post";
/**
 * How one claim relates to another.
 */
export type RelationType = "confirms" | "denies" | "cites";
/**
 * What kind of source a claim has.
 */
export type SourceKind = "named" | "pronoun" | "anonymous" | "document" | "post_author" | "publisher";
/**
 * How an entity is mentioned.
 */
export type MentionKind = "name" | "title" | "handle" | "acronym" | "pronoun" | "nominal";
/**
 * What kind of thing an entity is.
 */
export type EntityType = "PERSON" | "ORGANIZATION" | "GPE" | "LOCATION" | "NORP" | "MISC";
/**
 * How an event is presented.
 */
export type Modality = "asserted" | "reported" | "planned" | "prevented" | "hypothetical";
/**
 * An event participant's role.
 */
export type ParticipantRole = "source" | "target" | "other";
/**
 * Whether an event is said to have happened or not.
 */
export type Polarity = "positive" | "negative";
/**
 * sayso's event types: a small ontology of its own; most types correspond to a CAMEO root
 * or code, given separately in [`Cameo`].
 */
export type EventType =
  | "statement"
  | "appeal"
  | "intend"
  | "communicate"
  | "meet"
  | "praise"
  | "agree"
  | "cooperate"
  | "aid"
  | "yield"
  | "investigate"
  | "demand"
  | "criticize"
  | "reject"
  | "threaten"
  | "protest"
  | "posture"
  | "reduce_relations"
  | "sanction"
  | "coerce"
  | "arrest"
  | "attack"
  | "fight"
  | "mass_violence"
  | "other";
/**
 * The unit in which span offsets are counted.
 */
export type OffsetUnit = "codepoint" | "utf8" | "utf16";
/**
 * TIMEX3 type of a time expression.
 */
export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

/**
 * Everything sayso found in one article: who says what happened.
 */
export interface SaysoDocument {
  /**
   * The article: its text, metadata and publication date.
   */
  article: Article;
  /**
   * Attributed statements: quotations, reported speech, posts; each with its source, cue
   * and say-so chain.
   */
  claims: Claim[];
  /**
   * People, organisations, places and other referents, each with all its mentions.
   */
  entities: Entity[];
  /**
   * Things that happened (or were planned, prevented, denied), with participants, time,
   * place, CAMEO code and say-so chain.
   */
  events: Event[];
  /**
   * Links (URLs) found in the text.
   */
  links: Link[];
  /**
   * Unit of every `start`/`end` offset in this document.
   */
  offsets: OffsetUnit;
  /**
   * Embedded social-media posts (e.g. a tweet quoted with its "— Name (@handle) date" line).
   */
  posts: Post[];
  /**
   * The program that wrote this record.
   */
  producer: Producer;
  /**
   * Version of this record layout (`1.x`); the JSON Schema of major version 1 describes it.
   */
  schema_version: string;
  /**
   * Time expressions, normalised to TIMEX3 values.
   */
  times: Time[];
  /**
   * Things the reader should know about this analysis (e.g. an inferred date, an
   * unclosed quotation).
   */
  warnings: Warning[];
}
/**
 * The article and what is known about it.
 */
export interface Article {
  /**
   * Bylines, as given.
   */
  authors: string[];
  /**
   * The URL a web page names as its own (`<link rel="canonical">` or `og:url`), when the
   * article was read from a page that gives one.
   */
  canonical_url?: string | null;
  /**
   * Identifier given with the input (or the input file's name); absent when none was given.
   */
  id?: string | null;
  /**
   * Language of the text, a BCP 47 tag (`en`, `de`, `pt-BR`; `und` when it could not be
   * told): the one the caller gave, which wins, else the one detected from the text
   * (`language_source`). sayso analyses English only: for any other language the document
   * keeps its text, `published` (as given), `posts` and `links`, has no entities, claims,
   * events or times, and says so in `warnings` (code `language_not_analysed`). An article
   * whose language is undetermined (too little running text, or the detector unsure) is
   * analysed as English with a `language_undetermined` warning; giving the language `en`
   * forces the analysis. A web page's declared language (`<html lang>`) refines a
   * detection it agrees with and decides when the text cannot; a confident detection
   * that disagrees wins, with a `language_page_disagrees` warning.
   */
  language: string;
  /**
   * Confidence in `language`, from 0 to 1: 1 when given or when the text is recognisably
   * English by its function words, the statistical model's confidence otherwise, 0 when
   * undetermined. (Absent only in documents written before schema 1.1.)
   */
  language_confidence?: number;
  /**
   * How the language was known: given by the caller, detected, or declared by the page. (Absent only in
   * documents written before schema 1.1.)
   */
  language_source?: LanguageSource & string;
  /**
   * Length of `text` in the document's offset unit.
   */
  length: number;
  /**
   * Publication date and how it was known; absent when it was neither given nor
   * inferable.
   */
  published?: Published | null;
  /**
   * The publisher (news organisation), as given; the last link of every say-so chain.
   */
  publisher?: string | null;
  /**
   * For an article read from a web page: where each paragraph of `text` came from in the
   * page, in page order, so that a record can be shown in the original page. Absent for
   * other input.
   */
  source_map?: SourceParagraph[];
  /**
   * The article text every span points into (after input decoding; never altered
   * further).
   */
  text: string;
  /**
   * Headline.
   */
  title?: string | null;
  /**
   * Where the article was published (as given; for a web page given without one, the
   * URL the page names as its own).
   */
  url?: string | null;
}
/**
 * The publication date of an article and its provenance.
 */
export interface Published {
  /**
   * Confidence in the date, from 0 to 1 (1 when given).
   */
  confidence: number;
  /**
   * Calendar date, `YYYY-MM-DD`.
   */
  date: string;
  /**
   * Full RFC 3339 date-time when one was given.
   */
  datetime?: string | null;
  /**
   * The text the date was read from, when it was inferred from the article.
   */
  evidence?: TextSpan | null;
  /**
   * Why this date was chosen, in words, when it was inferred.
   */
  reason?: string | null;
  /**
   * How the date was obtained.
   */
  source: PublishedSource;
}
/**
 * A span together with the text it covers (always equal to the article text sliced by
 * the span).
 */
export interface TextSpan {
  /**
   * Where the text is.
   */
  span: Span;
  /**
   * The covered text.
   */
  text: string;
}
/**
 * A stretch of the article text: `start` inclusive, `end` exclusive, in the document's
 * offset unit.
 */
export interface Span {
  /**
   * Offset just past the last covered character.
   */
  end: number;
  /**
   * Offset of the first covered character.
   */
  start: number;
}
/**
 * One paragraph of an article read from a web page, and the stretch of the page's HTML it
 * was read from.
 */
export interface SourceParagraph {
  /**
   * Where it was read in the page: from the first to the last character of the HTML
   * source that gave the paragraph text (tags and entities between them included). Offsets
   * are in the document's offset unit, counted in the page as decoded to Unicode (for
   * `utf8`, bytes of its UTF-8 form, which are the page's own bytes when it was UTF-8).
   */
  html: Span;
  /**
   * The paragraph in `article.text`.
   */
  span: Span;
}
/**
 * An attributed statement: who says what.
 */
export interface Claim {
  /**
   * Who asserts that this claim was made, nearest first: the parent claim's source,
   * its parent's, ..., and last the publisher.
   */
  attributed_to: SaySo[];
  /**
   * What is said.
   */
  content: Content;
  /**
   * The words marking the attribution; absent for posts and bare quotations.
   */
  cue?: Cue | null;
  /**
   * Document-local id (`c1`, ...), in order of first appearance.
   */
  id: string;
  /**
   * Direct, indirect, mixed quotation, or post.
   */
  kind: ClaimKind;
  /**
   * The claim this one is reported inside (a statement saying what a leader told
   * another has the statement as parent).
   */
  parent?: string | null;
  /**
   * The embedded post this claim is (`p1`), for posts.
   */
  post?: string | null;
  /**
   * Relations to other claims (confirms, denies, cites).
   */
  relations: Relation[];
  /**
   * Who says it; absent when no source could be found.
   */
  source?: Source | null;
  /**
   * The time the claim was made, when the text says (`t3`).
   */
  time?: string | null;
}
/**
 * One link of a say-so chain: who asserts the record, from the nearest asserter out to
 * the publisher.
 */
export interface SaySo {
  /**
   * The asserting source's CAMEO actor code (`USAGOV`, `MED`), where the actor
   * dictionaries give one.
   */
  actor_code?: string | null;
  /**
   * The claim through which this link asserts (`c4`); absent for the publisher.
   */
  claim?: string | null;
  /**
   * The asserting entity (`e2`), when resolved.
   */
  entity?: string | null;
  /**
   * Who asserts, in words (the source text, the entity's name, or the publisher).
   */
  name: string;
  /**
   * True for the last link: the article's publisher.
   */
  publisher?: boolean;
}
/**
 * The content of a claim: one or more spans (a quotation interrupted by its cue has two).
 */
export interface Content {
  /**
   * The content's spans, in text order, not overlapping.
   */
  spans: Span[];
  /**
   * The covered text: the spans' texts joined with a single space.
   */
  text: string;
}
/**
 * The words that mark an attribution ("said", "according to", "the statement read").
 */
export interface Cue {
  /**
   * What the cue says about the source's stance.
   */
  class: CueClass;
  /**
   * Base form of the cue's head word (`say`, `confirm`, `according to`).
   */
  lemma: string;
  /**
   * Where the cue is.
   */
  span: Span;
  /**
   * The cue's text.
   */
  text: string;
}
/**
 * A relation from this claim to another claim.
 */
export interface Relation {
  /**
   * The claim this one relates to (`c2`).
   */
  target: string;
  /**
   * What the relation is.
   */
  type: RelationType;
}
/**
 * Who a claim is attributed to.
 */
export interface Source {
  /**
   * The entity the source resolves to (`e3`), when it could be resolved.
   */
  entity?: string | null;
  /**
   * What kind of source this is.
   */
  kind: SourceKind;
  /**
   * The source mention in the text, when there is one.
   */
  span?: Span | null;
  /**
   * The text of the source mention (or the entity's name when it has no span here).
   */
  text: string;
}
/**
 * One real-world referent with all its mentions in the article.
 */
export interface Entity {
  /**
   * Identifiers from alias lists.
   */
  external_ids?: ExternalId[];
  /**
   * Document-local id (`e1`, `e2`, ...), in order of first mention.
   */
  id: string;
  /**
   * Every mention, in text order.
   */
  mentions: Mention[];
  /**
   * Canonical name (the longest name mention, or the alias list's name).
   */
  name: string;
  /**
   * Titles and roles the article gives this entity.
   */
  roles: string[];
  /**
   * What kind of thing this is.
   */
  type: EntityType;
}
/**
 * An identifier of an entity in an external register (e.g. a Wikidata QID from a
 * user-supplied alias file).
 */
export interface ExternalId {
  /**
   * The identifier.
   */
  id: string;
  /**
   * Where the identifier comes from (e.g. `wikidata`, or the alias file's name).
   */
  source: string;
}
/**
 * One mention of an entity in the text.
 */
export interface Mention {
  /**
   * True when this mention refers to several entities at once ("the two leaders"); the
   * mention is then listed under each of them.
   */
  group?: boolean;
  /**
   * How the entity is mentioned here.
   */
  kind: MentionKind;
  /**
   * Title or role given in this mention ("President", "White House press secretary").
   */
  role?: string | null;
  /**
   * Where the mention is.
   */
  span: Span;
  /**
   * The mention's text.
   */
  text: string;
}
/**
 * Something that happened (or was planned, prevented, denied): who did what to whom,
 * when and where, on whose say-so.
 */
export interface Event {
  /**
   * Who asserts that the event happened, nearest first, ending with the publisher.
   */
  attributed_to: SaySo[];
  /**
   * CAMEO code, where one fits.
   */
  cameo?: Cameo | null;
  /**
   * The claim that reports this event (`c5`), if any.
   */
  claim?: string | null;
  /**
   * Document-local id (`v1`, ...), in order of trigger.
   */
  id: string;
  /**
   * How the event is presented (one of asserted/reported, plus planned, prevented,
   * hypothetical where they apply).
   */
  modality: Modality[];
  /**
   * Who takes part, in which role.
   */
  participants: Participant[];
  /**
   * Where it happened.
   */
  place?: Place | null;
  /**
   * Whether it is said to have happened.
   */
  polarity: Polarity;
  /**
   * When it happened.
   */
  time?: EventTime | null;
  /**
   * The word or phrase that expresses the event ("arrested", "the call").
   */
  trigger: TextSpan;
  /**
   * sayso's event type.
   */
  type: EventType;
}
/**
 * A CAMEO code for an event.
 */
export interface Cameo {
  /**
   * Full code (`041`, `0841`, `173`).
   */
  code: string;
  /**
   * The code's value on the Goldstein conflict-cooperation scale, from -10 (most
   * conflictual) to +10 (most cooperative), as GDELT's `GoldsteinScale`; absent for the few
   * codes the published table leaves without one.
   */
  goldstein?: number | null;
  /**
   * The code's name in the CAMEO code book.
   */
  label: string;
  /**
   * GDELT's `QuadClass` of the code: 1 verbal cooperation (roots 01-05), 2 material
   * cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). (0 only
   * in documents written before schema 1.2, which did not say.)
   */
  quad_class?: number;
  /**
   * Root code: the first two digits (`04`, `17`).
   */
  root: string;
}
/**
 * Someone taking part in an event.
 */
export interface Participant {
  /**
   * The participant's CAMEO actor code (country and role: `RUSGOV`, `USASPY`, `IGOUNO`),
   * as GDELT's `Actor1Code`/`Actor2Code`: from PETRARCH2's actor and agent dictionaries
   * and the user's actor file, date restrictions resolved with the publication date.
   */
  actor_code?: string | null;
  /**
   * The entity (`e2`), when the participant resolves to one.
   */
  entity?: string | null;
  /**
   * The participant's role.
   */
  role: ParticipantRole;
  /**
   * The participant phrase in the text.
   */
  span: Span;
  /**
   * The participant phrase's text.
   */
  text: string;
}
/**
 * The place of an event.
 */
export interface Place {
  /**
   * The place entity (`e9`), when resolved.
   */
  entity?: string | null;
  /**
   * The place phrase in the text.
   */
  span: Span;
  /**
   * The place phrase's text.
   */
  text: string;
}
/**
 * The time of an event: a `times` record.
 */
export interface EventTime {
  /**
   * True when the time was taken from the reporting claim rather than the event's own
   * clause.
   */
  inherited?: boolean;
  /**
   * The time record (`t2`).
   */
  time: string;
  /**
   * Its TIMEX3 value, copied for convenience.
   */
  value: string;
}
/**
 * A URL in the text.
 */
export interface Link {
  /**
   * Document-local id (`l1`, ...).
   */
  id: string;
  /**
   * Where the link is.
   */
  span: Span;
  /**
   * The URL as written.
   */
  text: string;
  /**
   * The URL with a scheme (`https://` added when the text has none).
   */
  url: string;
}
/**
 * An embedded social-media post.
 */
export interface Post {
  /**
   * Who posted it.
   */
  author: PostAuthor;
  /**
   * The claim the post makes (`c3`).
   */
  claim?: string | null;
  /**
   * The post's text (without its signature line).
   */
  content: TextSpan;
  /**
   * When it was posted (`YYYY-MM-DD`), from the signature line.
   */
  date?: string | null;
  /**
   * Document-local id (`p1`, ...).
   */
  id: string;
  /**
   * Links inside the post (`l1`).
   */
  links: string[];
  /**
   * The platform, when recognisable (`twitter`).
   */
  platform: string;
  /**
   * The signature line ("— Sarah Sanders (@PressSec) December 17, 2017").
   */
  signature: TextSpan;
}
/**
 * The author of an embedded post.
 */
export interface PostAuthor {
  /**
   * The author's entity (`e4`).
   */
  entity?: string | null;
  /**
   * Handle without the `@` ("PressSec").
   */
  handle?: string | null;
  /**
   * Display name as written ("Sarah Sanders").
   */
  name: string;
}
/**
 * The program and version that produced a document.
 */
export interface Producer {
  /**
   * Always `sayso`.
   */
  name: string;
  /**
   * The sayso version (semver); the same input and version give byte-identical output.
   */
  version: string;
}
/**
 * A time expression normalised to a TIMEX3 value.
 */
export interface Time {
  /**
   * What the value was computed from: `publication` (the article's date), another time
   * (`t2`), or absent when the expression is absolute.
   */
  anchor?: string | null;
  /**
   * Document-local id (`t1`, ...), in text order.
   */
  id: string;
  /**
   * TIMEX3 modifier (`APPROX`, `START`, `END`, `BEFORE`, `AFTER`, ...), when the
   * expression has one.
   */
  mod?: string | null;
  /**
   * Where the expression is.
   */
  span: Span;
  /**
   * The expression's text.
   */
  text: string;
  /**
   * TIMEX3 type.
   */
  type: TimeType;
  /**
   * TIMEX3 value (`2017-12-17`, `2017-W50-WE`, `P3D`, `XXXX-WXX-1`, `PRESENT_REF`).
   */
  value: string;
}
/**
 * Something the reader of a document should know.
 */
export interface Warning {
  /**
   * Stable machine-readable code (`published_inferred`, `unclosed_quote`, ...).
   */
  code: string;
  /**
   * What happened, in words.
   */
  message: string;
  /**
   * Where, when it concerns a place in the text.
   */
  span?: Span | null;
}
