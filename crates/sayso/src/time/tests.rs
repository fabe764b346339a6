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
fn a_date_line_at_the_head_is_the_publication_date_not_the_latest_date() {
    let a = analyse(
        "Tuesday, March 4, 2014\n\nThe museum said the show opens on April 20, 2014 and runs until June 1, 2014.\n",
        None,
    );
    let p = a.published.as_ref().expect("inferred");
    assert_eq!(p.date.to_string(), "2014-03-04");
    assert_eq!(p.source, PublishedSource::Inferred);
    let a = analyse("OSLO 1996-08-30\n\nThe minister said talks would resume on September 2, 1996.\n", None);
    assert_eq!(a.published.as_ref().map(|p| p.date.to_string()).as_deref(), Some("1996-08-30"));
    // A date inside the first sentence of prose is not a date line.
    let a = analyse("The ministers agreed on March 4, 2014 that talks resume on April 20, 2014.\n", None);
    assert_eq!(a.published.as_ref().map(|p| p.date.to_string()).as_deref(), Some("2014-04-20"));
}

#[test]
fn money_and_counts_are_not_years() {
    let a = analyse("It cost $2017 and 2,015 people, 1999.5 units, 3000 votes.", None);
    assert!(a.times.is_empty(), "{:?}", times(&a));
}

fn typed(a: &Analysis) -> Vec<(String, TimeType, String)> {
    a.times.iter().map(|t| (a.slice(&t.span).to_string(), t.time_type, t.value.clone())).collect()
}

#[test]
fn an_earnings_report_compares_quarters() {
    // 1989-11-02: the report is on the third quarter; "a year earlier" is that quarter of 1988.
    let a = analyse(
        "Net income in the third quarter rose to $5 million from $4 million a year earlier. \
         In the quarter, sales grew; in the year-ago quarter they fell. The latest period was good.",
        Some("1989-11-02"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("the third quarter", "1989-Q3"),
            ("a year earlier", "1988-Q3"),
            ("the quarter", "1989-Q3"),
            ("the year-ago quarter", "1988-Q3"),
            ("The latest period", "1989-Q3"),
        ])
    );
}

#[test]
fn the_quarter_without_an_ordinal_is_the_last_one_completed() {
    let a = analyse("For the quarter, profit fell. The stock rose a year ago.", Some("1989-11-02"));
    assert_eq!(times(&a), pairs(&[("the quarter", "1989-Q3"), ("a year ago", "1988")]));
}

#[test]
fn written_quarters_halves_and_fiscal_years() {
    let a = analyse(
        "It stopped paying in the third quarter of 1984, expects losses in the first half of 1990 \
         and in next year's first quarter, and earned $3 million in the year ended March 31.",
        Some("1989-10-26"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("the third quarter of 1984", "1984-Q3"),
            ("the first half of 1990", "1990-H1"),
            ("next year's first quarter", "1990-Q1"),
            ("the year", "P1Y"),
            ("March 31", "1989-03-31"),
        ])
    );
}

#[test]
fn months_without_a_year_look_back_unless_the_clause_looks_ahead() {
    // Published in October: "January" is past, "December" (two months ahead) and anything
    // after "will" are ahead; "this September" is this year's.
    let a = analyse(
        "In January, the firm was sold. It will list in March. Talks end in December. \
         Voting was this September.",
        Some("1998-10-25"),
    );
    assert_eq!(
        times(&a),
        pairs(&[("January", "1998-01"), ("March", "1999-03"), ("December", "1998-12"), ("this September", "1998-09")])
    );
}

#[test]
fn ambiguous_month_names_need_a_preposition() {
    let a = analyse("May I ask? March on. Jan Kavan spoke in May. In March, the March accession.", Some("1999-03-12"));
    assert_eq!(times(&a), pairs(&[("May", "1999-05"), ("March", "1999-03"), ("March", "1999-03")]));
}

#[test]
fn dates_without_a_year_within_three_months_ahead_are_ahead() {
    let a = analyse("The dividend is payable Jan. 2. The plant closed Aug. 21.", Some("1989-11-02"));
    assert_eq!(times(&a), pairs(&[("Jan. 2", "1990-01-02"), ("Aug. 21", "1989-08-21")]));
}

#[test]
fn planned_and_scheduled_weekdays_are_ahead() {
    // 1998-09-30 is a Wednesday.
    let a = analyse(
        "The team planned to leave Nairobi on Thursday. Talks are set to resume Monday. They met Tuesday.",
        Some("1998-09-30"),
    );
    assert_eq!(times(&a), pairs(&[("Thursday", "1998-10-01"), ("Monday", "1998-10-05"), ("Tuesday", "1998-09-29")]));
}

#[test]
fn clock_times_join_their_day_and_weekdays_their_date() {
    // 2000-04-03 is a Monday.
    let a = analyse(
        "They have until 9 a.m. Tuesday to sign. The Times said on Saturday, April 1: no. \
         The offer expires at 5 p.m. EST, April 6.",
        Some("2000-04-03"),
    );
    assert_eq!(
        typed(&a),
        vec![
            ("9 a.m. Tuesday".to_string(), TimeType::Time, "2000-04-04T09:00".to_string()),
            ("Saturday, April 1".to_string(), TimeType::Date, "2000-04-01".to_string()),
            ("5 p.m. EST, April 6".to_string(), TimeType::Time, "2000-04-06T17:00".to_string()),
        ]
    );
}

#[test]
fn parts_of_days_are_times() {
    // 1998-02-02 is a Monday.
    let a = analyse("Officials met Monday morning and again last night.", Some("1998-02-02"));
    assert_eq!(
        typed(&a),
        vec![
            ("Monday morning".to_string(), TimeType::Time, "1998-02-02TMO".to_string()),
            ("last night".to_string(), TimeType::Time, "1998-02-01TNI".to_string()),
        ]
    );
}

#[test]
fn holidays_spelled_years_decades_and_centuries() {
    let a = analyse(
        "Elian was found on Thanksgiving Day. In nineteen ninety-six a bomb went off; by the year \
         two thousand it was over. Numbers fell through the nineties and the '80s, as in the 20th century.",
        Some("2000-01-07"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("Thanksgiving Day", "1999-11-25"),
            ("nineteen ninety-six", "1996"),
            ("the year two thousand", "2000"),
            ("the nineties", "199"),
            ("the '80s", "198"),
            ("the 20th century", "19"),
        ])
    );
}

#[test]
fn months_with_a_relative_year_and_every_month() {
    let a = analyse(
        "In July last year he was arrested; in January this year he fled. They march each July.",
        Some("1998-02-19"),
    );
    assert_eq!(
        times(&a),
        pairs(&[("July last year", "1997-07"), ("January this year", "1998-01"), ("each July", "XXXX-07")])
    );
}

#[test]
fn the_reference_year_anchors_that_year_and_the_following_year() {
    let a = analyse(
        "He fled in June 1998 and returned later that year. In 1995 he was promoted, and the following year he left.",
        Some("2000-01-28"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("June 1998", "1998-06"),
            ("later that year", "1998"),
            ("1995", "1995"),
            ("the following year", "1996"),
        ])
    );
    assert_eq!(a.times[1].anchor, Some(TimeAnchor::Time(0)));
}

#[test]
fn durations_halves_decades_and_spelled_compounds_but_not_rates_or_ages() {
    let a = analyse(
        "Mr. Reupke, 52 years old, saves $500 million a year and runs four flights a week. \
         She spent 2 1/2 years abroad, two decades at home and the last twenty four hours awake, \
         over a week in all.",
        Some("1998-02-06"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("2 1/2 years", "P2Y6M"),
            ("two decades", "P20Y"),
            ("the last twenty four hours", "PT24H"),
            ("over a week", "P1W"),
        ])
    );
}

#[test]
fn fuzzy_references_and_ago() {
    let a = analyse(
        "Current rules apply now; recently, in the near future and almost four years ago things differed.",
        Some("1999-03-12"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("Current", "PRESENT_REF"),
            ("now", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("the near future", "FUTURE_REF"),
            ("almost four years ago", "1995"),
        ])
    );
    assert_eq!(a.times[4].modifier.as_deref(), Some("APPROX"));
}

#[test]
fn durations_over_the_past_years_and_weeks_relative_to_publication() {
    let a = analyse(
        "Prices rose over the past three years. Last week they fell; a year ago they peaked.",
        Some("2017-12-17"),
    );
    assert_eq!(times(&a), pairs(&[("the past three years", "P3Y"), ("Last week", "2017-W49"), ("a year ago", "2016")]));
}

#[test]
fn bare_plural_units_after_for_or_within_are_vague_durations() {
    let a = analyse("He has protested for years; troops arrive within weeks. Years passed.", Some("1999-04-19"));
    assert_eq!(times(&a), pairs(&[("years", "PXY"), ("weeks", "PXW")]));
}

#[test]
fn the_weekend_written_on_a_weekday_is_the_one_just_gone_unless_ahead() {
    // 1990-08-13 is a Monday (ISO week 33); the weekend before it is in week 32.
    let a = analyse("Officials met over the weekend. They will rest during the weekend.", Some("1990-08-13"));
    assert_eq!(times(&a), pairs(&[("the weekend", "1990-W32-WE"), ("the weekend", "1990-W33-WE")]));
}

#[test]
fn the_following_month_counts_from_the_last_month_written() {
    let a = analyse(
        "The board met in March 1989. The following month, the company put itself up for sale.",
        Some("1989-10-27"),
    );
    assert_eq!(times(&a), pairs(&[("March 1989", "1989-03"), ("The following month", "1989-04")]));
    assert_eq!(a.times[1].anchor, Some(TimeAnchor::Time(0)));
    // With no month written before it, publication is the reference.
    let a = analyse("The previous month was worse.", Some("1989-10-27"));
    assert_eq!(times(&a), pairs(&[("The previous month", "1989-09")]));
}

#[test]
fn programme_titles_and_figures_of_speech_are_not_times() {
    let a = analyse(
        "Baker said on ABC's \"This Week\" and on CBS's \"60 Minutes\" that high noon had come. \
         The talks lasted 60 minutes this week.",
        Some("1991-02-25"),
    );
    assert_eq!(times(&a), pairs(&[("60 minutes", "PT60M"), ("this week", "1991-W09")]));
}

#[test]
fn over_the_years_is_a_vague_duration_and_the_years_is_not_this_year() {
    let a = analyse("Over the years, many more patients came; the years were hard.", Some("1998-03-31"));
    assert_eq!(times(&a), pairs(&[("the years", "PXY")]));
}

#[test]
fn a_deadline_after_by_is_ahead_and_a_period_that_ended_is_behind() {
    // Published 1989-10-30: February is four months ahead, Jan. 15 eleven weeks ahead.
    let a = analyse(
        "The loan must be repaid by February. In the fiscal year ended Jan. 15, sales rose. \
         The company bought the line in February.",
        Some("1989-10-30"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("February", "1990-02"),
            ("the fiscal year", "P1Y"),
            ("Jan. 15", "1989-01-15"),
            ("February", "1989-02")
        ])
    );
    // Without "ended", a date this close ahead is ahead.
    let a = analyse("The offer expires Jan. 15.", Some("1989-10-30"));
    assert_eq!(times(&a), pairs(&[("Jan. 15", "1990-01-15")]));
    // A deadline that has just passed, or one in the past perfect, is behind.
    let a = analyse("The boy was to be returned by Jan. 14. All had filed reports by Wednesday.", Some("2000-01-15"));
    assert_eq!(times(&a), pairs(&[("Jan. 14", "2000-01-14"), ("Wednesday", "2000-01-12")]));
}

#[test]
fn this_coming_weekday_is_the_next_one() {
    // 1998-03-05 is a Thursday.
    let a = analyse("Women's Day is this coming Sunday. The march was on Sunday.", Some("1998-03-05"));
    assert_eq!(times(&a), pairs(&[("this coming Sunday", "1998-03-08"), ("Sunday", "1998-03-01")]));
}

#[test]
fn a_year_earlier_follows_the_granularity_of_the_period_last_spoken_of() {
    // After "the nine months" the comparison is of years to date; a quarter brings it back.
    let a = analyse(
        "Net rose in the third quarter from $4 million a year earlier. For the nine months, net \
         rose from $8 million a year earlier; in the 1988 period, the year-ago results included a gain. \
         In the quarter, sales rose from a year ago.",
        Some("1989-11-02"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("the third quarter", "1989-Q3"),
            ("a year earlier", "1988-Q3"),
            ("nine months", "P9M"),
            ("a year earlier", "1988"),
            ("the 1988 period", "1988"),
            ("year-ago", "1988"),
            ("the quarter", "1989-Q3"),
            ("a year ago", "1988-Q3"),
        ])
    );
    // "The latest period" stays the reporting quarter.
    let a = analyse("In the third quarter, and the nine months, the latest period was good.", Some("1989-11-02"));
    assert_eq!(times(&a)[2], ("the latest period".to_string(), "1989-Q3".to_string()));
}

#[test]
fn this_years_quarter_is_the_reporting_quarter() {
    let a = analyse(
        "In this year's third quarter, net was $10.5 million against $9 million a year earlier.",
        Some("1989-10-26"),
    );
    assert_eq!(times(&a), pairs(&[("this year's third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]));
}

#[test]
fn a_year_earlier_loss_is_not_a_duration() {
    let a = analyse(
        "Net fell in the third quarter, compared with a year-earlier loss of $6.2 million.",
        Some("1989-10-26"),
    );
    assert_eq!(times(&a), pairs(&[("the third quarter", "1989-Q3"), ("year-earlier", "1988-Q3")]));
}

#[test]
fn coming_months_and_the_weeks_ahead_are_vague_durations() {
    let a = analyse(
        "Rates may fall in coming weeks, sales in the coming years and prices in the weeks ahead.",
        Some("1989-10-27"),
    );
    assert_eq!(times(&a), pairs(&[("coming weeks", "PXW"), ("the coming years", "PXY"), ("the weeks ahead", "PXW")]));
}

#[test]
fn year_end_is_the_end_of_the_publication_year_or_since_it_the_year_before() {
    let a = analyse("The deal should close by year-end. Shares are up 5% since year-end.", Some("1989-11-02"));
    assert_eq!(times(&a), pairs(&[("year-end", "1989"), ("year-end", "1988")]));
}

#[test]
fn would_looks_ahead_but_a_possessive_day_is_behind() {
    // 2000-04-05 is a Wednesday.
    let a = analyse(
        "Officials said the father would be traveling Thursday. They would look for ways around Monday's ruling.",
        Some("2000-04-05"),
    );
    assert_eq!(times(&a), pairs(&[("Thursday", "2000-04-06"), ("Monday", "2000-04-03")]));
}

#[test]
fn the_previous_weekday_counts_from_the_last_day_named() {
    // 1989-10-30 is a Monday; "Friday" is 1989-10-27 and the Friday before it 1989-10-20.
    let a = analyse(
        "Shares fell Friday, down 4.5% from the previous Friday. Talks resume the following Tuesday.",
        Some("1989-10-30"),
    );
    assert_eq!(
        times(&a),
        pairs(&[
            ("Friday", "1989-10-27"),
            ("the previous Friday", "1989-10-20"),
            ("the following Tuesday", "1989-10-24")
        ])
    );
    assert_eq!(a.times[1].anchor, Some(TimeAnchor::Time(0)));
}

#[test]
fn the_week_is_an_unspecified_week_of_the_year() {
    let a = analyse(
        "Shares fell on Friday. For the week, the index dropped 3.8%. A hearing will be held the week of March 6.",
        Some("1989-10-30"),
    );
    assert_eq!(times(&a), pairs(&[("Friday", "1989-10-27"), ("the week", "1989-WXX"), ("March 6", "1990-03-06")]));
    let a = analyse("He appeared on This Week with The Week in review.", Some("1989-10-30"));
    assert!(a.times.is_empty(), "{:?}", times(&a));
}

#[test]
fn early_month_this_year_is_one_expression() {
    let a = analyse("The house approved it in early October this year.", Some("1998-12-03"));
    assert_eq!(times(&a), pairs(&[("early October this year", "1998-10")]));
    assert_eq!(a.times[0].modifier.as_deref(), Some("START"));
}
