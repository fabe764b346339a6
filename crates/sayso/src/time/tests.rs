use super::*;

fn analyse(text: &str, published: Option<&str>) -> Analysis {
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    if let Some(p) = published {
        a.published = Some(PublishedRec {
            date: p.parse().expect("test date"),
            datetime: None,
            source: PublishedSource::Given,
            confidence: 1.0,
            evidence: None,
            reason: None,
        });
    }
    crate::text::run(&mut a);
    crate::embeds::run(&mut a);
    run(&mut a);
    a
}

fn times(a: &Analysis) -> Vec<(String, String)> {
    a.times.iter().map(|t| (a.slice(&t.span).to_string(), t.value.clone())).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect()
}

#[test]
fn weekdays_in_past_clauses_are_the_last_such_day_and_the_same_day_is_today() {
    // 2017-12-17 is a Sunday.
    let a = analyse("Officials on Sunday said they met Thursday and spoke again Friday.", Some("2017-12-17"));
    assert_eq!(times(&a), pairs(&[("Sunday", "2017-12-17"), ("Thursday", "2017-12-14"), ("Friday", "2017-12-15")]));
    assert!(a.times.iter().all(|t| t.anchor == Some(TimeAnchor::Publication)));
}

#[test]
fn weekdays_in_future_clauses_look_ahead() {
    let a = analyse("The leaders will meet Tuesday.", Some("2017-12-17"));
    assert_eq!(times(&a), pairs(&[("Tuesday", "2017-12-19")]));
}

#[test]
fn weekends_weeks_months_and_years_relative_to_publication() {
    let a = analyse(
        "They planned attacks during the weekend. Sales rose last week and this month, unlike last year.",
        Some("2017-12-17"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("the weekend", "2017-W50-WE"),
            ("last week", "2017-W49"),
            ("this month", "2017-12"),
            ("last year", "2016")
        ])
    );
}

#[test]
fn full_dates_durations_sets_and_references() {
    let a = analyse(
        "On December 17, 2017, after three years and 48 hours of talks, they meet every Monday and now rarely.",
        None,
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("December 17, 2017", "2017-12-17"),
            ("three years", "P3Y"),
            ("48 hours", "PT48H"),
            ("every Monday", "XXXX-WXX-1"),
            ("now", "PRESENT_REF"),
        ])
    );
}

#[test]
fn today_and_relative_days_follow_their_anchor() {
    let a = analyse("On March 3, 2016 the deal fell through. The next day, talks resumed today.", Some("2016-03-10"));
    assert_eq!(
        times(&a),
        pairs(&[("March 3, 2016", "2016-03-03"), ("The next day", "2016-03-04"), ("today", "2016-03-10")])
    );
    assert_eq!(a.times[1].anchor, Some(TimeAnchor::Time(0)));
}

#[test]
fn the_publication_date_comes_from_an_embedded_post_and_anchors_the_text() {
    let a = analyse(
        "The White House on Sunday confirmed the call.\nCan confirm they spoke today.\n— Sarah Sanders (@PressSec) December 17, 2017\n",
        None,
    );
    let p = a.published.as_ref().expect("inferred");
    assert_eq!(p.date.to_string(), "2017-12-17");
    assert_eq!(p.source, PublishedSource::Post);
    assert!(p.reason.as_deref().is_some_and(|r| r.contains("weekday")), "{:?}", p.reason);
    let t = times(&a);
    assert!(t.contains(&("Sunday".into(), "2017-12-17".into())), "{t:?}");
    assert!(t.contains(&("today".into(), "2017-12-17".into())), "{t:?}");
}

#[test]
fn money_and_counts_are_not_years() {
    let a = analyse("It cost $2017 and 2,015 people, 1999.5 units, 3000 votes.", None);
    assert!(a.times.is_empty(), "{:?}", times(&a));
}
