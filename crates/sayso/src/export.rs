//! Tabular exports for analysts: one row per event, as CSV (RFC 4180).

use crate::schema::{Document, ParticipantRole};

/// The header of [`events_csv`]. Actor1Code to QuadClass are named as GDELT names them.
pub const EVENTS_CSV_HEADER: &str = "document,date,source,target,cameo,root,trigger,place,modality,attributed_source,quote,Actor1Code,Actor2Code,GoldsteinScale,QuadClass,language\n";

/// One CSV row per event of `doc` (no header): document id, date (the event's time value,
/// else the publication date), source and target (entity names where resolved, else the
/// text), CAMEO code and root (GDELT's `EventCode`, `EventRootCode`), trigger, place, modality
/// (joined by `+`), the original source of the say-so chain (the first claim's source, else
/// the publisher), the reporting claim's content; as GDELT has them: the source's and
/// target's CAMEO actor codes, the code's Goldstein value and its QuadClass (several sources
/// or targets, coordinated actors, are joined by `; `); and the article's language (BCP 47;
/// `und` when it could not be told, see [`crate::schema::Article::language`]).
#[must_use]
pub fn events_csv(doc: &Document) -> String {
    let entity_name = |id: &Option<String>, text: &str| -> String {
        id.as_ref()
            .and_then(|id| doc.entities.iter().find(|e| &e.id == id))
            .map_or_else(|| text.to_string(), |e| e.name.clone())
    };
    let published = doc.article.published.as_ref().map(|p| p.date.clone()).unwrap_or_default();
    let mut out = String::new();
    for e in &doc.events {
        let party = |role: ParticipantRole| {
            e.participants
                .iter()
                .filter(|p| p.role == role)
                .map(|p| entity_name(&p.entity, &p.text))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let codes = |role: ParticipantRole| {
            e.participants
                .iter()
                .filter(|p| p.role == role)
                .map(|p| p.actor_code.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let modality = e
            .modality
            .iter()
            .filter_map(|m| serde_json::to_value(m).ok())
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect::<Vec<_>>()
            .join("+");
        let quote = e
            .claim
            .as_ref()
            .and_then(|id| doc.claims.iter().find(|c| &c.id == id))
            .map_or(String::new(), |c| c.content.text.clone());
        let fields = [
            doc.article.id.clone().unwrap_or_default(),
            e.time.as_ref().map_or(published.clone(), |t| t.value.clone()),
            party(ParticipantRole::Source),
            party(ParticipantRole::Target),
            e.cameo.as_ref().map_or(String::new(), |c| c.code.clone()),
            e.cameo.as_ref().map_or(String::new(), |c| c.root.clone()),
            e.trigger.text.clone(),
            e.place.as_ref().map_or(String::new(), |p| entity_name(&p.entity, &p.text)),
            modality,
            e.attributed_to.first().map_or(String::new(), |s| s.name.clone()),
            quote,
            codes(ParticipantRole::Source),
            codes(ParticipantRole::Target),
            e.cameo.as_ref().and_then(|c| c.goldstein).map_or(String::new(), |g| g.to_string()),
            e.cameo.as_ref().map_or(String::new(), |c| c.quad_class.to_string()),
            doc.article.language.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// A field quoted when it holds a comma, quotation mark or line break (quotes doubled).
fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) { format!("\"{}\"", f.replace('"', "\"\"")) } else { f.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_become_quoted_rows() {
        let doc = crate::extract(
            crate::ArticleInput {
                id: Some("ap-1".into()),
                published: Some("2017-12-17".into()),
                ..crate::ArticleInput::from_text(
                    "The AP reported Friday that Russian authorities arrested seven people, \"members\" of a cell, in St. Petersburg.",
                )
            },
            &crate::Options::default(),
        )
        .expect("extract");
        let csv = events_csv(&doc);
        let arrest = csv.lines().find(|l| l.contains(",173,")).expect("arrest row");
        assert!(
            arrest.starts_with("ap-1,2017-12-15,Russia,seven people,173,17,arrested,St. Petersburg,reported,"),
            "{arrest}"
        );
        assert!(arrest.contains("\"\"members\"\""), "quotes are doubled: {arrest}");
        // Russian authorities: RUS with the agent's role; seven people: a role without a
        // country; an arrest is material conflict at -5; the language column comes last.
        assert!(arrest.ends_with(",RUSGOV,PPL,-5,4,en"), "{arrest}");
        assert!(EVENTS_CSV_HEADER.trim_end().ends_with(",Actor1Code,Actor2Code,GoldsteinScale,QuadClass,language"));
    }
}
