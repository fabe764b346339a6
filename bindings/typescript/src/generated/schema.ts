// The JSON Schema of a Document, generated from schema/sayso-v1.schema.json by `just ts-types`
// (bindings/typescript/scripts/generate.mjs). Do not edit: a test fails when it is stale.

/** The JSON Schema (draft 2020-12) every Document follows, as `schema/` holds it. */
export const schema: { readonly [keyword: string]: unknown } = {
  "$defs": {
    "Article": {
      "additionalProperties": false,
      "description": "The article and what is known about it.",
      "properties": {
        "authors": {
          "description": "Bylines, as given.",
          "items": {
            "type": "string"
          },
          "type": "array"
        },
        "canonical_url": {
          "description": "The URL a web page names as its own (`<link rel=\"canonical\">` or `og:url`), when the\narticle was read from a page that gives one.",
          "type": [
            "string",
            "null"
          ]
        },
        "id": {
          "description": "Identifier given with the input (or the input file's name); absent when none was given.",
          "type": [
            "string",
            "null"
          ]
        },
        "language": {
          "description": "Language of the text, a BCP 47 tag (`en`, `de`, `pt-BR`; `und` when it could not be\ntold): the one the caller gave, which wins, else the one detected from the text\n(`language_source`). sayso analyses English only: for any other language the document\nkeeps its text, `published` (as given), `posts` and `links`, has no entities, claims,\nevents or times, and says so in `warnings` (code `language_not_analysed`). An article\nwhose language is undetermined (too little running text, or the detector unsure) is\nanalysed as English with a `language_undetermined` warning; giving the language `en`\nforces the analysis. A web page's declared language (`<html lang>`) refines a\ndetection it agrees with and decides when the text cannot; a confident detection\nthat disagrees wins, with a `language_page_disagrees` warning.",
          "type": "string"
        },
        "language_confidence": {
          "default": 1,
          "description": "Confidence in `language`, from 0 to 1: 1 when given or when the text is recognisably\nEnglish by its function words, the statistical model's confidence otherwise, 0 when\nundetermined. (Absent only in documents written before schema 1.1.)",
          "format": "double",
          "type": "number"
        },
        "language_source": {
          "$ref": "#/$defs/LanguageSource",
          "default": "given",
          "description": "How the language was known: given by the caller, detected, or declared by the page. (Absent only in\ndocuments written before schema 1.1.)"
        },
        "length": {
          "description": "Length of `text` in the document's offset unit.",
          "format": "uint64",
          "minimum": 0,
          "type": "integer"
        },
        "published": {
          "anyOf": [
            {
              "$ref": "#/$defs/Published"
            },
            {
              "type": "null"
            }
          ],
          "description": "Publication date and how it was known; absent when it was neither given nor\ninferable."
        },
        "publisher": {
          "description": "The publisher (news organisation), as given; the last link of every say-so chain.",
          "type": [
            "string",
            "null"
          ]
        },
        "source_map": {
          "description": "For an article read from a web page: where each paragraph of `text` came from in the\npage, in page order, so that a record can be shown in the original page. Absent for\nother input.",
          "items": {
            "$ref": "#/$defs/SourceParagraph"
          },
          "type": "array"
        },
        "text": {
          "description": "The article text every span points into (after input decoding; never altered\nfurther).",
          "type": "string"
        },
        "title": {
          "description": "Headline.",
          "type": [
            "string",
            "null"
          ]
        },
        "url": {
          "description": "Where the article was published (as given; for a web page given without one, the\nURL the page names as its own).",
          "type": [
            "string",
            "null"
          ]
        }
      },
      "required": [
        "authors",
        "language",
        "text",
        "length"
      ],
      "type": "object"
    },
    "Cameo": {
      "additionalProperties": false,
      "description": "A CAMEO code for an event.",
      "properties": {
        "code": {
          "description": "Full code (`041`, `0841`, `173`).",
          "type": "string"
        },
        "goldstein": {
          "description": "The code's value on the Goldstein conflict-cooperation scale, from -10 (most\nconflictual) to +10 (most cooperative), as GDELT's `GoldsteinScale`; absent for the few\ncodes the published table leaves without one.",
          "format": "double",
          "type": [
            "number",
            "null"
          ]
        },
        "label": {
          "description": "The code's name in the CAMEO code book.",
          "type": "string"
        },
        "quad_class": {
          "default": 0,
          "description": "GDELT's `QuadClass` of the code: 1 verbal cooperation (roots 01-05), 2 material\ncooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). (0 only\nin documents written before schema 1.2, which did not say.)",
          "format": "uint8",
          "maximum": 4,
          "minimum": 0,
          "type": "integer"
        },
        "root": {
          "description": "Root code: the first two digits (`04`, `17`).",
          "type": "string"
        }
      },
      "required": [
        "code",
        "root",
        "label"
      ],
      "type": "object"
    },
    "Claim": {
      "additionalProperties": false,
      "description": "An attributed statement: who says what.",
      "properties": {
        "attributed_to": {
          "description": "Who asserts that this claim was made, nearest first: the parent claim's source,\nits parent's, ..., and last the publisher.",
          "items": {
            "$ref": "#/$defs/SaySo"
          },
          "type": "array"
        },
        "content": {
          "$ref": "#/$defs/Content",
          "description": "What is said."
        },
        "cue": {
          "anyOf": [
            {
              "$ref": "#/$defs/Cue"
            },
            {
              "type": "null"
            }
          ],
          "description": "The words marking the attribution; absent for posts and bare quotations."
        },
        "id": {
          "description": "Document-local id (`c1`, ...), in order of first appearance.",
          "type": "string"
        },
        "kind": {
          "$ref": "#/$defs/ClaimKind",
          "description": "Direct, indirect, mixed quotation, or post."
        },
        "parent": {
          "description": "The claim this one is reported inside (a statement saying what a leader told\nanother has the statement as parent).",
          "type": [
            "string",
            "null"
          ]
        },
        "post": {
          "description": "The embedded post this claim is (`p1`), for posts.",
          "type": [
            "string",
            "null"
          ]
        },
        "relations": {
          "description": "Relations to other claims (confirms, denies, cites).",
          "items": {
            "$ref": "#/$defs/Relation"
          },
          "type": "array"
        },
        "source": {
          "anyOf": [
            {
              "$ref": "#/$defs/Source"
            },
            {
              "type": "null"
            }
          ],
          "description": "Who says it; absent when no source could be found."
        },
        "time": {
          "description": "The time the claim was made, when the text says (`t3`).",
          "type": [
            "string",
            "null"
          ]
        }
      },
      "required": [
        "id",
        "kind",
        "content",
        "attributed_to",
        "relations"
      ],
      "type": "object"
    },
    "ClaimKind": {
      "description": "The kind of an attributed statement.",
      "oneOf": [
        {
          "const": "direct",
          "description": "Quoted word for word, inside quotation marks.",
          "type": "string"
        },
        {
          "const": "indirect",
          "description": "Reported speech, paraphrased (\"X said that ...\").",
          "type": "string"
        },
        {
          "const": "mixed",
          "description": "Reported speech with quoted fragments (\"X said Y “thanked Z”\").",
          "type": "string"
        },
        {
          "const": "post",
          "description": "The text of an embedded social-media post.",
          "type": "string"
        }
      ]
    },
    "Content": {
      "additionalProperties": false,
      "description": "The content of a claim: one or more spans (a quotation interrupted by its cue has two).",
      "properties": {
        "spans": {
          "description": "The content's spans, in text order, not overlapping.",
          "items": {
            "$ref": "#/$defs/Span"
          },
          "type": "array"
        },
        "text": {
          "description": "The covered text: the spans' texts joined with a single space.",
          "type": "string"
        }
      },
      "required": [
        "spans",
        "text"
      ],
      "type": "object"
    },
    "Cue": {
      "additionalProperties": false,
      "description": "The words that mark an attribution (\"said\", \"according to\", \"the statement read\").",
      "properties": {
        "class": {
          "$ref": "#/$defs/CueClass",
          "description": "What the cue says about the source's stance."
        },
        "lemma": {
          "description": "Base form of the cue's head word (`say`, `confirm`, `according to`).",
          "type": "string"
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "Where the cue is."
        },
        "text": {
          "description": "The cue's text.",
          "type": "string"
        }
      },
      "required": [
        "span",
        "text",
        "lemma",
        "class"
      ],
      "type": "object"
    },
    "CueClass": {
      "description": "What a cue says about how the source relates to the content.",
      "oneOf": [
        {
          "const": "assert",
          "description": "Neutral saying (\"said\", \"told\", \"the statement read\").",
          "type": "string"
        },
        {
          "const": "report",
          "description": "Reporting by a news organisation or document (\"reported\", \"according to\").",
          "type": "string"
        },
        {
          "const": "confirm",
          "description": "Confirming something already said (\"confirmed\").",
          "type": "string"
        },
        {
          "const": "deny",
          "description": "Denying (\"denied\", \"rejected\").",
          "type": "string"
        },
        {
          "const": "claim",
          "description": "Contested or self-serving claiming (\"claimed\", \"alleged\").",
          "type": "string"
        },
        {
          "const": "believe",
          "description": "Belief or opinion (\"believes\", \"thinks\", \"expects\").",
          "type": "string"
        },
        {
          "const": "announce",
          "description": "Announcing (\"announced\", \"declared\").",
          "type": "string"
        },
        {
          "const": "warn",
          "description": "Warning or threatening (\"warned\").",
          "type": "string"
        },
        {
          "const": "ask",
          "description": "Asking (\"asked\", \"wondered\").",
          "type": "string"
        },
        {
          "const": "promise",
          "description": "Promising or committing (\"promised\", \"vowed\").",
          "type": "string"
        },
        {
          "const": "post",
          "description": "Posting on social media (\"tweeted\", an embedded post).",
          "type": "string"
        }
      ]
    },
    "Entity": {
      "additionalProperties": false,
      "description": "One real-world referent with all its mentions in the article.",
      "properties": {
        "external_ids": {
          "description": "Identifiers from alias lists.",
          "items": {
            "$ref": "#/$defs/ExternalId"
          },
          "type": "array"
        },
        "id": {
          "description": "Document-local id (`e1`, `e2`, ...), in order of first mention.",
          "type": "string"
        },
        "mentions": {
          "description": "Every mention, in text order.",
          "items": {
            "$ref": "#/$defs/Mention"
          },
          "type": "array"
        },
        "name": {
          "description": "Canonical name (the longest name mention, or the alias list's name).",
          "type": "string"
        },
        "roles": {
          "description": "Titles and roles the article gives this entity.",
          "items": {
            "type": "string"
          },
          "type": "array"
        },
        "type": {
          "$ref": "#/$defs/EntityType",
          "description": "What kind of thing this is."
        }
      },
      "required": [
        "id",
        "type",
        "name",
        "roles",
        "mentions"
      ],
      "type": "object"
    },
    "EntityType": {
      "description": "What kind of thing an entity is.",
      "oneOf": [
        {
          "const": "PERSON",
          "description": "A person.",
          "type": "string"
        },
        {
          "const": "ORGANIZATION",
          "description": "A company, agency, government body, news organisation, party, armed group, team.",
          "type": "string"
        },
        {
          "const": "GPE",
          "description": "A geopolitical entity: country, state, city, region with a government.",
          "type": "string"
        },
        {
          "const": "LOCATION",
          "description": "A place without a government: mountain, river, sea, building, street.",
          "type": "string"
        },
        {
          "const": "NORP",
          "description": "A nationality, religious or political group (\"Russian\", \"Republicans\").",
          "type": "string"
        },
        {
          "const": "MISC",
          "description": "Another named thing: event, law, work, product.",
          "type": "string"
        }
      ]
    },
    "Event": {
      "additionalProperties": false,
      "description": "Something that happened (or was planned, prevented, denied): who did what to whom,\nwhen and where, on whose say-so.",
      "properties": {
        "attributed_to": {
          "description": "Who asserts that the event happened, nearest first, ending with the publisher.",
          "items": {
            "$ref": "#/$defs/SaySo"
          },
          "type": "array"
        },
        "cameo": {
          "anyOf": [
            {
              "$ref": "#/$defs/Cameo"
            },
            {
              "type": "null"
            }
          ],
          "description": "CAMEO code, where one fits."
        },
        "claim": {
          "description": "The claim that reports this event (`c5`), if any.",
          "type": [
            "string",
            "null"
          ]
        },
        "id": {
          "description": "Document-local id (`v1`, ...), in order of trigger.",
          "type": "string"
        },
        "modality": {
          "description": "How the event is presented (one of asserted/reported, plus planned, prevented,\nhypothetical where they apply).",
          "items": {
            "$ref": "#/$defs/Modality"
          },
          "type": "array"
        },
        "participants": {
          "description": "Who takes part, in which role.",
          "items": {
            "$ref": "#/$defs/Participant"
          },
          "type": "array"
        },
        "place": {
          "anyOf": [
            {
              "$ref": "#/$defs/Place"
            },
            {
              "type": "null"
            }
          ],
          "description": "Where it happened."
        },
        "polarity": {
          "$ref": "#/$defs/Polarity",
          "description": "Whether it is said to have happened."
        },
        "time": {
          "anyOf": [
            {
              "$ref": "#/$defs/EventTime"
            },
            {
              "type": "null"
            }
          ],
          "description": "When it happened."
        },
        "trigger": {
          "$ref": "#/$defs/TextSpan",
          "description": "The word or phrase that expresses the event (\"arrested\", \"the call\")."
        },
        "type": {
          "$ref": "#/$defs/EventType",
          "description": "sayso's event type."
        }
      },
      "required": [
        "id",
        "type",
        "trigger",
        "participants",
        "modality",
        "polarity",
        "attributed_to"
      ],
      "type": "object"
    },
    "EventTime": {
      "additionalProperties": false,
      "description": "The time of an event: a `times` record.",
      "properties": {
        "inherited": {
          "description": "True when the time was taken from the reporting claim rather than the event's own\nclause.",
          "type": "boolean"
        },
        "time": {
          "description": "The time record (`t2`).",
          "type": "string"
        },
        "value": {
          "description": "Its TIMEX3 value, copied for convenience.",
          "type": "string"
        }
      },
      "required": [
        "time",
        "value"
      ],
      "type": "object"
    },
    "EventType": {
      "description": "sayso's event types: a small ontology of its own; most types correspond to a CAMEO root\nor code, given separately in [`Cameo`].",
      "oneOf": [
        {
          "const": "statement",
          "description": "Make a public statement, comment, announce (CAMEO 01).",
          "type": "string"
        },
        {
          "const": "appeal",
          "description": "Appeal or request (CAMEO 02).",
          "type": "string"
        },
        {
          "const": "intend",
          "description": "Express intent to cooperate, promise (CAMEO 03).",
          "type": "string"
        },
        {
          "const": "communicate",
          "description": "Communicate: a phone call, talks, consultation (CAMEO 04).",
          "type": "string"
        },
        {
          "const": "meet",
          "description": "Meet in person, host or visit (CAMEO 043, 044, 046).",
          "type": "string"
        },
        {
          "const": "praise",
          "description": "Praise, thank, endorse, recognise (CAMEO 051, 053).",
          "type": "string"
        },
        {
          "const": "agree",
          "description": "Other diplomatic cooperation: sign an agreement, restore ties (CAMEO 05).",
          "type": "string"
        },
        {
          "const": "cooperate",
          "description": "Material cooperation: share intelligence, economic or military cooperation (CAMEO 06).",
          "type": "string"
        },
        {
          "const": "aid",
          "description": "Provide aid (CAMEO 07).",
          "type": "string"
        },
        {
          "const": "yield",
          "description": "Yield: concede, release, withdraw (CAMEO 08).",
          "type": "string"
        },
        {
          "const": "investigate",
          "description": "Investigate (CAMEO 09).",
          "type": "string"
        },
        {
          "const": "demand",
          "description": "Demand (CAMEO 10).",
          "type": "string"
        },
        {
          "const": "criticize",
          "description": "Disapprove: criticise, accuse, condemn (CAMEO 11).",
          "type": "string"
        },
        {
          "const": "reject",
          "description": "Reject or refuse (CAMEO 12).",
          "type": "string"
        },
        {
          "const": "threaten",
          "description": "Threaten (CAMEO 13).",
          "type": "string"
        },
        {
          "const": "protest",
          "description": "Protest or demonstrate (CAMEO 14).",
          "type": "string"
        },
        {
          "const": "posture",
          "description": "Exhibit military posture (CAMEO 15).",
          "type": "string"
        },
        {
          "const": "reduce_relations",
          "description": "Reduce relations, cut ties (CAMEO 16).",
          "type": "string"
        },
        {
          "const": "sanction",
          "description": "Impose sanctions or embargoes (CAMEO 163).",
          "type": "string"
        },
        {
          "const": "coerce",
          "description": "Coerce: seize, confiscate, repress (CAMEO 17).",
          "type": "string"
        },
        {
          "const": "arrest",
          "description": "Arrest or detain (CAMEO 173).",
          "type": "string"
        },
        {
          "const": "attack",
          "description": "Attack by unconventional means: bombing, assault (CAMEO 18).",
          "type": "string"
        },
        {
          "const": "fight",
          "description": "Fight with conventional military force (CAMEO 19).",
          "type": "string"
        },
        {
          "const": "mass_violence",
          "description": "Mass violence (CAMEO 20).",
          "type": "string"
        },
        {
          "const": "other",
          "description": "An event with no CAMEO counterpart (a search, a finding).",
          "type": "string"
        }
      ]
    },
    "ExternalId": {
      "additionalProperties": false,
      "description": "An identifier of an entity in an external register (e.g. a Wikidata QID from a\nuser-supplied alias file).",
      "properties": {
        "id": {
          "description": "The identifier.",
          "type": "string"
        },
        "source": {
          "description": "Where the identifier comes from (e.g. `wikidata`, or the alias file's name).",
          "type": "string"
        }
      },
      "required": [
        "source",
        "id"
      ],
      "type": "object"
    },
    "LanguageSource": {
      "description": "How the article's language was known.",
      "oneOf": [
        {
          "const": "given",
          "description": "Supplied with the input (article metadata or a command-line, Python or HTTP option).",
          "type": "string"
        },
        {
          "const": "detected",
          "description": "Detected from the article's running text.",
          "type": "string"
        },
        {
          "const": "page",
          "description": "Declared by the web page the text was read from (`<html lang>` and kin): the text\nagreed with it, or was too short or too mixed to tell.",
          "type": "string"
        }
      ]
    },
    "Link": {
      "additionalProperties": false,
      "description": "A URL in the text.",
      "properties": {
        "id": {
          "description": "Document-local id (`l1`, ...).",
          "type": "string"
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "Where the link is."
        },
        "text": {
          "description": "The URL as written.",
          "type": "string"
        },
        "url": {
          "description": "The URL with a scheme (`https://` added when the text has none).",
          "type": "string"
        }
      },
      "required": [
        "id",
        "span",
        "text",
        "url"
      ],
      "type": "object"
    },
    "Mention": {
      "additionalProperties": false,
      "description": "One mention of an entity in the text.",
      "properties": {
        "group": {
          "description": "True when this mention refers to several entities at once (\"the two leaders\"); the\nmention is then listed under each of them.",
          "type": "boolean"
        },
        "kind": {
          "$ref": "#/$defs/MentionKind",
          "description": "How the entity is mentioned here."
        },
        "role": {
          "description": "Title or role given in this mention (\"President\", \"White House press secretary\").",
          "type": [
            "string",
            "null"
          ]
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "Where the mention is."
        },
        "text": {
          "description": "The mention's text.",
          "type": "string"
        }
      },
      "required": [
        "span",
        "text",
        "kind"
      ],
      "type": "object"
    },
    "MentionKind": {
      "description": "How an entity is mentioned.",
      "oneOf": [
        {
          "const": "name",
          "description": "A proper name (\"Vladimir Putin\", \"Putin\", \"President Putin\").",
          "type": "string"
        },
        {
          "const": "title",
          "description": "A title or role used to refer to the entity (\"White House press secretary\").",
          "type": "string"
        },
        {
          "const": "handle",
          "description": "A social-media handle (\"@PressSec\").",
          "type": "string"
        },
        {
          "const": "acronym",
          "description": "An acronym or abbreviation (\"CIA\", \"WH\").",
          "type": "string"
        },
        {
          "const": "pronoun",
          "description": "A pronoun (\"he\", \"him\", \"they\").",
          "type": "string"
        },
        {
          "const": "nominal",
          "description": "A common-noun phrase (\"the two leaders\", \"officials\").",
          "type": "string"
        }
      ]
    },
    "Modality": {
      "description": "How an event is presented.",
      "oneOf": [
        {
          "const": "asserted",
          "description": "Stated by the article itself as having happened.",
          "type": "string"
        },
        {
          "const": "reported",
          "description": "Reported as having happened inside someone's claim.",
          "type": "string"
        },
        {
          "const": "planned",
          "description": "Planned, intended or prepared (\"were planning bombings\").",
          "type": "string"
        },
        {
          "const": "prevented",
          "description": "Stopped before it happened (\"the attacks were stopped\").",
          "type": "string"
        },
        {
          "const": "hypothetical",
          "description": "Possible, conditional or future (\"could have killed\").",
          "type": "string"
        }
      ]
    },
    "OffsetUnit": {
      "description": "The unit in which span offsets are counted.",
      "oneOf": [
        {
          "const": "codepoint",
          "description": "Unicode code points (what Python's `str` indexing uses). The default.",
          "type": "string"
        },
        {
          "const": "utf8",
          "description": "Bytes of the UTF-8 encoding (what Rust, Go and C use).",
          "type": "string"
        },
        {
          "const": "utf16",
          "description": "UTF-16 code units (what JavaScript, Java and C# use).",
          "type": "string"
        }
      ]
    },
    "Participant": {
      "additionalProperties": false,
      "description": "Someone taking part in an event.",
      "properties": {
        "actor_code": {
          "description": "The participant's CAMEO actor code (country and role: `RUSGOV`, `USASPY`, `IGOUNO`),\nas GDELT's `Actor1Code`/`Actor2Code`: from PETRARCH2's actor and agent dictionaries\nand the user's actor file, date restrictions resolved with the publication date.",
          "type": [
            "string",
            "null"
          ]
        },
        "entity": {
          "description": "The entity (`e2`), when the participant resolves to one.",
          "type": [
            "string",
            "null"
          ]
        },
        "role": {
          "$ref": "#/$defs/ParticipantRole",
          "description": "The participant's role."
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "The participant phrase in the text."
        },
        "text": {
          "description": "The participant phrase's text.",
          "type": "string"
        }
      },
      "required": [
        "role",
        "span",
        "text"
      ],
      "type": "object"
    },
    "ParticipantRole": {
      "description": "An event participant's role.",
      "oneOf": [
        {
          "const": "source",
          "description": "Who does it (CAMEO source actor).",
          "type": "string"
        },
        {
          "const": "target",
          "description": "Who it is done to or with (CAMEO target actor).",
          "type": "string"
        },
        {
          "const": "other",
          "description": "Someone else involved (a recipient, a beneficiary, a companion).",
          "type": "string"
        }
      ]
    },
    "Place": {
      "additionalProperties": false,
      "description": "The place of an event.",
      "properties": {
        "entity": {
          "description": "The place entity (`e9`), when resolved.",
          "type": [
            "string",
            "null"
          ]
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "The place phrase in the text."
        },
        "text": {
          "description": "The place phrase's text.",
          "type": "string"
        }
      },
      "required": [
        "span",
        "text"
      ],
      "type": "object"
    },
    "Polarity": {
      "description": "Whether an event is said to have happened or not.",
      "oneOf": [
        {
          "const": "positive",
          "description": "It happened (or would happen).",
          "type": "string"
        },
        {
          "const": "negative",
          "description": "It is said not to have happened (\"did not meet\").",
          "type": "string"
        }
      ]
    },
    "Post": {
      "additionalProperties": false,
      "description": "An embedded social-media post.",
      "properties": {
        "author": {
          "$ref": "#/$defs/PostAuthor",
          "description": "Who posted it."
        },
        "claim": {
          "description": "The claim the post makes (`c3`).",
          "type": [
            "string",
            "null"
          ]
        },
        "content": {
          "$ref": "#/$defs/TextSpan",
          "description": "The post's text (without its signature line)."
        },
        "date": {
          "description": "When it was posted (`YYYY-MM-DD`), from the signature line.",
          "type": [
            "string",
            "null"
          ]
        },
        "id": {
          "description": "Document-local id (`p1`, ...).",
          "type": "string"
        },
        "links": {
          "description": "Links inside the post (`l1`).",
          "items": {
            "type": "string"
          },
          "type": "array"
        },
        "platform": {
          "description": "The platform, when recognisable (`twitter`).",
          "type": "string"
        },
        "signature": {
          "$ref": "#/$defs/TextSpan",
          "description": "The signature line (\"— Sarah Sanders (@PressSec) December 17, 2017\")."
        }
      },
      "required": [
        "id",
        "platform",
        "content",
        "signature",
        "author",
        "links"
      ],
      "type": "object"
    },
    "PostAuthor": {
      "additionalProperties": false,
      "description": "The author of an embedded post.",
      "properties": {
        "entity": {
          "description": "The author's entity (`e4`).",
          "type": [
            "string",
            "null"
          ]
        },
        "handle": {
          "description": "Handle without the `@` (\"PressSec\").",
          "type": [
            "string",
            "null"
          ]
        },
        "name": {
          "description": "Display name as written (\"Sarah Sanders\").",
          "type": "string"
        }
      },
      "required": [
        "name"
      ],
      "type": "object"
    },
    "Producer": {
      "additionalProperties": false,
      "description": "The program and version that produced a document.",
      "properties": {
        "name": {
          "description": "Always `sayso`.",
          "type": "string"
        },
        "version": {
          "description": "The sayso version (semver); the same input and version give byte-identical output.",
          "type": "string"
        }
      },
      "required": [
        "name",
        "version"
      ],
      "type": "object"
    },
    "Published": {
      "additionalProperties": false,
      "description": "The publication date of an article and its provenance.",
      "properties": {
        "confidence": {
          "description": "Confidence in the date, from 0 to 1 (1 when given).",
          "format": "double",
          "type": "number"
        },
        "date": {
          "description": "Calendar date, `YYYY-MM-DD`.",
          "type": "string"
        },
        "datetime": {
          "description": "Full RFC 3339 date-time when one was given.",
          "type": [
            "string",
            "null"
          ]
        },
        "evidence": {
          "anyOf": [
            {
              "$ref": "#/$defs/TextSpan"
            },
            {
              "type": "null"
            }
          ],
          "description": "The text the date was read from, when it was inferred from the article."
        },
        "reason": {
          "description": "Why this date was chosen, in words, when it was inferred.",
          "type": [
            "string",
            "null"
          ]
        },
        "source": {
          "$ref": "#/$defs/PublishedSource",
          "description": "How the date was obtained."
        }
      },
      "required": [
        "date",
        "source",
        "confidence"
      ],
      "type": "object"
    },
    "PublishedSource": {
      "description": "How the publication date was obtained.",
      "oneOf": [
        {
          "const": "given",
          "description": "Supplied with the input (article metadata or a command-line override).",
          "type": "string"
        },
        {
          "const": "dateline",
          "description": "Read from the article's dateline (\"WASHINGTON, Dec. 17, 2017 —\").",
          "type": "string"
        },
        {
          "const": "post",
          "description": "Read from the date line of an embedded post (a tweet's \"— Name (@handle) date\").",
          "type": "string"
        },
        {
          "const": "inferred",
          "description": "The latest explicit date in the text that agrees with its relative expressions.",
          "type": "string"
        },
        {
          "const": "html",
          "description": "Read from the web page the article came from: its JSON-LD (`datePublished`), a\n`<meta>` tag (`article:published_time`, ...), microdata, a `<time>` element or a date\nin its URL; `reason` says which.",
          "type": "string"
        }
      ]
    },
    "Relation": {
      "additionalProperties": false,
      "description": "A relation from this claim to another claim.",
      "properties": {
        "target": {
          "description": "The claim this one relates to (`c2`).",
          "type": "string"
        },
        "type": {
          "$ref": "#/$defs/RelationType",
          "description": "What the relation is."
        }
      },
      "required": [
        "type",
        "target"
      ],
      "type": "object"
    },
    "RelationType": {
      "description": "How one claim relates to another.",
      "oneOf": [
        {
          "const": "confirms",
          "description": "This claim confirms the target (\"Sanders confirmed the report\").",
          "type": "string"
        },
        {
          "const": "denies",
          "description": "This claim denies the target (\"denied the report\").",
          "type": "string"
        },
        {
          "const": "cites",
          "description": "This claim cites or repeats the target.",
          "type": "string"
        }
      ]
    },
    "SaySo": {
      "additionalProperties": false,
      "description": "One link of a say-so chain: who asserts the record, from the nearest asserter out to\nthe publisher.",
      "properties": {
        "actor_code": {
          "description": "The asserting source's CAMEO actor code (`USAGOV`, `MED`), where the actor\ndictionaries give one.",
          "type": [
            "string",
            "null"
          ]
        },
        "claim": {
          "description": "The claim through which this link asserts (`c4`); absent for the publisher.",
          "type": [
            "string",
            "null"
          ]
        },
        "entity": {
          "description": "The asserting entity (`e2`), when resolved.",
          "type": [
            "string",
            "null"
          ]
        },
        "name": {
          "description": "Who asserts, in words (the source text, the entity's name, or the publisher).",
          "type": "string"
        },
        "publisher": {
          "description": "True for the last link: the article's publisher.",
          "type": "boolean"
        }
      },
      "required": [
        "name"
      ],
      "type": "object"
    },
    "Source": {
      "additionalProperties": false,
      "description": "Who a claim is attributed to.",
      "properties": {
        "entity": {
          "description": "The entity the source resolves to (`e3`), when it could be resolved.",
          "type": [
            "string",
            "null"
          ]
        },
        "kind": {
          "$ref": "#/$defs/SourceKind",
          "description": "What kind of source this is."
        },
        "span": {
          "anyOf": [
            {
              "$ref": "#/$defs/Span"
            },
            {
              "type": "null"
            }
          ],
          "description": "The source mention in the text, when there is one."
        },
        "text": {
          "description": "The text of the source mention (or the entity's name when it has no span here).",
          "type": "string"
        }
      },
      "required": [
        "text",
        "kind"
      ],
      "type": "object"
    },
    "SourceKind": {
      "description": "What kind of source a claim has.",
      "oneOf": [
        {
          "const": "named",
          "description": "A named person or organisation (\"Sarah Sanders\", \"The AP\").",
          "type": "string"
        },
        {
          "const": "pronoun",
          "description": "A pronoun resolved (or not) through coreference (\"he said\").",
          "type": "string"
        },
        {
          "const": "anonymous",
          "description": "An unnamed source (\"officials\", \"a person familiar with the matter\").",
          "type": "string"
        },
        {
          "const": "document",
          "description": "A document or statement (\"the statement\", \"a report\", \"the readout\").",
          "type": "string"
        },
        {
          "const": "post_author",
          "description": "The author of an embedded post.",
          "type": "string"
        },
        {
          "const": "publisher",
          "description": "The article itself (no other source).",
          "type": "string"
        }
      ]
    },
    "SourceParagraph": {
      "additionalProperties": false,
      "description": "One paragraph of an article read from a web page, and the stretch of the page's HTML it\nwas read from.",
      "properties": {
        "html": {
          "$ref": "#/$defs/Span",
          "description": "Where it was read in the page: from the first to the last character of the HTML\nsource that gave the paragraph text (tags and entities between them included). Offsets\nare in the document's offset unit, counted in the page as decoded to Unicode (for\n`utf8`, bytes of its UTF-8 form, which are the page's own bytes when it was UTF-8)."
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "The paragraph in `article.text`."
        }
      },
      "required": [
        "span",
        "html"
      ],
      "type": "object"
    },
    "Span": {
      "additionalProperties": false,
      "description": "A stretch of the article text: `start` inclusive, `end` exclusive, in the document's\noffset unit.",
      "properties": {
        "end": {
          "description": "Offset just past the last covered character.",
          "format": "uint64",
          "minimum": 0,
          "type": "integer"
        },
        "start": {
          "description": "Offset of the first covered character.",
          "format": "uint64",
          "minimum": 0,
          "type": "integer"
        }
      },
      "required": [
        "start",
        "end"
      ],
      "type": "object"
    },
    "TextSpan": {
      "additionalProperties": false,
      "description": "A span together with the text it covers (always equal to the article text sliced by\nthe span).",
      "properties": {
        "span": {
          "$ref": "#/$defs/Span",
          "description": "Where the text is."
        },
        "text": {
          "description": "The covered text.",
          "type": "string"
        }
      },
      "required": [
        "span",
        "text"
      ],
      "type": "object"
    },
    "Time": {
      "additionalProperties": false,
      "description": "A time expression normalised to a TIMEX3 value.",
      "properties": {
        "anchor": {
          "description": "What the value was computed from: `publication` (the article's date), another time\n(`t2`), or absent when the expression is absolute.",
          "type": [
            "string",
            "null"
          ]
        },
        "id": {
          "description": "Document-local id (`t1`, ...), in text order.",
          "type": "string"
        },
        "mod": {
          "description": "TIMEX3 modifier (`APPROX`, `START`, `END`, `BEFORE`, `AFTER`, ...), when the\nexpression has one.",
          "type": [
            "string",
            "null"
          ]
        },
        "span": {
          "$ref": "#/$defs/Span",
          "description": "Where the expression is."
        },
        "text": {
          "description": "The expression's text.",
          "type": "string"
        },
        "type": {
          "$ref": "#/$defs/TimeType",
          "description": "TIMEX3 type."
        },
        "value": {
          "description": "TIMEX3 value (`2017-12-17`, `2017-W50-WE`, `P3D`, `XXXX-WXX-1`, `PRESENT_REF`).",
          "type": "string"
        }
      },
      "required": [
        "id",
        "span",
        "text",
        "type",
        "value"
      ],
      "type": "object"
    },
    "TimeType": {
      "description": "TIMEX3 type of a time expression.",
      "oneOf": [
        {
          "const": "DATE",
          "description": "A calendar date or period (\"Sunday\", \"December 2017\", \"the weekend\").",
          "type": "string"
        },
        {
          "const": "TIME",
          "description": "A time of day (\"7:15 p.m.\", \"Sunday night\").",
          "type": "string"
        },
        {
          "const": "DURATION",
          "description": "A length of time (\"three years\", \"48 hours\").",
          "type": "string"
        },
        {
          "const": "SET",
          "description": "A recurring time (\"every Monday\", \"weekly\").",
          "type": "string"
        }
      ]
    },
    "Warning": {
      "additionalProperties": false,
      "description": "Something the reader of a document should know.",
      "properties": {
        "code": {
          "description": "Stable machine-readable code (`published_inferred`, `unclosed_quote`, ...).",
          "type": "string"
        },
        "message": {
          "description": "What happened, in words.",
          "type": "string"
        },
        "span": {
          "anyOf": [
            {
              "$ref": "#/$defs/Span"
            },
            {
              "type": "null"
            }
          ],
          "description": "Where, when it concerns a place in the text."
        }
      },
      "required": [
        "code",
        "message"
      ],
      "type": "object"
    }
  },
  "$id": "https://sayso.dev/schema/sayso-v1.schema.json",
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "additionalProperties": false,
  "description": "Everything sayso found in one article: who says what happened.",
  "properties": {
    "article": {
      "$ref": "#/$defs/Article",
      "description": "The article: its text, metadata and publication date."
    },
    "claims": {
      "description": "Attributed statements: quotations, reported speech, posts; each with its source, cue\nand say-so chain.",
      "items": {
        "$ref": "#/$defs/Claim"
      },
      "type": "array"
    },
    "entities": {
      "description": "People, organisations, places and other referents, each with all its mentions.",
      "items": {
        "$ref": "#/$defs/Entity"
      },
      "type": "array"
    },
    "events": {
      "description": "Things that happened (or were planned, prevented, denied), with participants, time,\nplace, CAMEO code and say-so chain.",
      "items": {
        "$ref": "#/$defs/Event"
      },
      "type": "array"
    },
    "links": {
      "description": "Links (URLs) found in the text.",
      "items": {
        "$ref": "#/$defs/Link"
      },
      "type": "array"
    },
    "offsets": {
      "$ref": "#/$defs/OffsetUnit",
      "description": "Unit of every `start`/`end` offset in this document."
    },
    "posts": {
      "description": "Embedded social-media posts (e.g. a tweet quoted with its \"— Name (@handle) date\" line).",
      "items": {
        "$ref": "#/$defs/Post"
      },
      "type": "array"
    },
    "producer": {
      "$ref": "#/$defs/Producer",
      "description": "The program that wrote this record."
    },
    "schema_version": {
      "description": "Version of this record layout (`1.x`); the JSON Schema of major version 1 describes it.",
      "type": "string"
    },
    "times": {
      "description": "Time expressions, normalised to TIMEX3 values.",
      "items": {
        "$ref": "#/$defs/Time"
      },
      "type": "array"
    },
    "warnings": {
      "description": "Things the reader should know about this analysis (e.g. an inferred date, an\nunclosed quotation).",
      "items": {
        "$ref": "#/$defs/Warning"
      },
      "type": "array"
    }
  },
  "required": [
    "schema_version",
    "producer",
    "offsets",
    "article",
    "entities",
    "claims",
    "events",
    "times",
    "posts",
    "links",
    "warnings"
  ],
  "title": "SaysoDocument",
  "type": "object"
};
