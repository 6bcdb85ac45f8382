//! The OPD's calendar and report history: what is due, what is late, and
//! what Bappeda said of each report in its last feedback file.
//!
//! The feedback file fills `feedback_taken` and `feedback_reports` when an OPD
//! takes it; these tests write those rows with an INSERT, as taking one would.

use chrono::NaiveDate;
use renaksi_core::calendar::history::{history, BappedaStatus};
use renaksi_core::calendar::{calendar, QuarterState, ReportCalendar};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::{export, Exported};
use renaksi_core::workbook::{key_words, Paper};
use renaksi_core::Store;

const CODE: &str = "DINSOS";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A DINSOS database made from the demo plan, in a temporary folder that
/// also holds its signing key.
fn opd() -> (tempfile::TempDir, Store) {
    let (dir, path) = crate::temp_db();
    let mut store = Store::open(&path).unwrap();
    demo::load_as(
        &mut store,
        &DemoView::Opd(CODE.into()),
        &Profile::new(Role::Opd { code: CODE.into() }, "Sari").unwrap(),
    )
    .unwrap();
    (dir, store)
}

fn export_quarter(store: &mut Store, dir: &tempfile::TempDir, quarter: u8) -> Exported {
    let out = dir.path().join(format!("laporan-tw{quarter}.xlsx"));
    export(
        store,
        dir.path(),
        PeriodRef {
            year: 2019,
            quarter,
        },
        Paper::A4,
        &out,
    )
    .unwrap()
}

fn quarter(
    calendar: &ReportCalendar,
    year: i32,
    quarter: u8,
) -> &renaksi_core::calendar::QuarterCalendar {
    calendar
        .quarters
        .iter()
        .find(|q| q.year == year && q.quarter == quarter)
        .unwrap()
}

fn plan_id(store: &Store) -> String {
    store
        .conn()
        .query_row("SELECT id FROM plans", [], |r| r.get(0))
        .unwrap()
}

/// What taking a feedback file writes: the file's sequence and time, and the
/// reports it lists (replaced whole).
fn take_feedback(store: &mut Store, sequence: i64, written_at: &str, reports: &[Receipt<'_>]) {
    let plan = plan_id(store);
    store
        .write(|tx| {
            tx.execute("DELETE FROM feedback_reports WHERE plan_id = ?1", [&plan])?;
            tx.execute(
                "INSERT INTO feedback_taken (plan_id, sequence, key_fingerprint, written_at, taken_at)
                 VALUES (?1, ?2, 'AAAA-BBBB-CCCC-DDDD', ?3, ?3)
                 ON CONFLICT (plan_id) DO UPDATE SET sequence = excluded.sequence,
                     written_at = excluded.written_at, taken_at = excluded.taken_at",
                rusqlite::params![plan, sequence, written_at],
            )?;
            for r in reports {
                tx.execute(
                    "INSERT INTO feedback_reports (plan_id, key_fingerprint, sequence, year, quarter,
                         exported_at, received_at, verified_at, verified_by)
                     VALUES (?1, ?2, ?3, 2019, ?4, '2019-01-01T00:00:00Z', ?5, ?6, ?7)",
                    rusqlite::params![
                        plan,
                        r.key,
                        r.sequence,
                        r.quarter,
                        r.received_at,
                        r.verified.map(|(at, _)| at),
                        r.verified.map(|(_, by)| by)
                    ],
                )?;
            }
            Ok(())
        })
        .unwrap();
}

struct Receipt<'a> {
    key: &'a str,
    sequence: i64,
    quarter: u8,
    received_at: &'a str,
    verified: Option<(&'a str, &'a str)>,
}

#[test]
fn the_next_report_due_counts_days_left_then_days_late() {
    let (dir, mut store) = opd();

    // Two weeks before TW I 2019 is due (15 April); 2018's quarters are closed.
    let c = calendar(store.conn(), day("2019-04-01")).unwrap();
    assert_eq!(c.today, "2019-04-01");
    assert_eq!(c.quarters.len(), 8);
    assert_eq!(quarter(&c, 2018, 4).state, QuarterState::Closed);
    assert_eq!(quarter(&c, 2019, 1).state, QuarterState::Waiting);
    let next = c.next.as_ref().unwrap();
    assert_eq!(
        (
            next.year,
            next.quarter,
            next.due_date.as_str(),
            next.days_left,
            next.overdue
        ),
        (2019, 1, "2019-04-15", 14, false)
    );
    assert_eq!(c.overdue_count, 0);
    assert!(c.feedback.is_none());

    // On the due date itself the report is not late yet.
    let c = calendar(store.conn(), day("2019-04-15")).unwrap();
    assert_eq!(
        c.next.as_ref().map(|n| (n.days_left, n.overdue)),
        Some((0, false))
    );

    // The day after, it is: sixteen days late on 1 May.
    let c = calendar(store.conn(), day("2019-05-01")).unwrap();
    assert_eq!(quarter(&c, 2019, 1).state, QuarterState::Overdue);
    let next = c.next.as_ref().unwrap();
    assert_eq!((next.quarter, next.days_left, next.overdue), (1, -16, true));
    assert_eq!(c.overdue_count, 1);

    // Exported here: done from the OPD's side; the next one is TW II.
    let exported = export_quarter(&mut store, &dir, 1);
    let c = calendar(store.conn(), day("2019-05-01")).unwrap();
    let tw1 = quarter(&c, 2019, 1);
    assert_eq!(tw1.state, QuarterState::Exported);
    assert_eq!(tw1.exported.as_ref().unwrap().sequence, exported.sequence);
    let next = c.next.as_ref().unwrap();
    assert_eq!(
        (
            next.quarter,
            next.due_date.as_str(),
            next.days_left,
            next.overdue
        ),
        (2, "2019-07-15", 75, false)
    );
    assert_eq!(c.overdue_count, 0);

    // Later in the year TW II and TW III are both late: the banner names the
    // oldest, and says how many.
    let c = calendar(store.conn(), day("2019-11-01")).unwrap();
    let next = c.next.as_ref().unwrap();
    assert_eq!(
        (next.quarter, next.days_left, next.overdue),
        (2, -109, true)
    );
    assert_eq!(c.overdue_count, 2);

    // A quarter Bappeda closed is no longer awaited.
    store
        .write(|tx| {
            tx.execute(
                "UPDATE periods SET closed = 1 WHERE year = 2019 AND quarter = 2",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let c = calendar(store.conn(), day("2019-11-01")).unwrap();
    assert_eq!(quarter(&c, 2019, 2).state, QuarterState::Closed);
    assert!(quarter(&c, 2019, 2).closed);
    assert_eq!(c.next.as_ref().map(|n| n.quarter), Some(3));
    assert_eq!(c.overdue_count, 1);

    // Once every quarter is done or closed, nothing is awaited.
    store
        .write(|tx| {
            tx.execute("UPDATE periods SET closed = 1", [])?;
            Ok(())
        })
        .unwrap();
    let c = calendar(store.conn(), day("2020-03-01")).unwrap();
    assert_eq!(c.next, None);
    assert_eq!(c.overdue_count, 0);
    assert_eq!(quarter(&c, 2019, 1).state, QuarterState::Exported);
}

#[test]
fn received_and_verified_come_from_the_last_feedback_file() {
    let (dir, mut store) = opd();
    let exported = export_quarter(&mut store, &dir, 1);
    // Bappeda's feedback of 5 December 2019: TW I received and verified;
    // TW II received (from a report this database did not export, say before
    // a restore), which is enough for the calendar too.
    take_feedback(
        &mut store,
        3,
        "2019-12-05T02:00:00Z",
        &[
            Receipt {
                key: &exported.key_fingerprint,
                sequence: exported.sequence,
                quarter: 1,
                received_at: "2019-04-16T01:00:00Z",
                verified: Some(("2019-04-20T03:00:00Z", "Admin Bappeda")),
            },
            Receipt {
                key: "1111-2222-3333-4444",
                sequence: 9,
                quarter: 2,
                received_at: "2019-07-20T01:00:00Z",
                verified: None,
            },
        ],
    );
    let c = calendar(store.conn(), day("2019-12-10")).unwrap();
    let feedback = c.feedback.as_ref().unwrap();
    assert_eq!(
        (feedback.sequence, feedback.written_at.as_str()),
        (3, "2019-12-05T02:00:00Z")
    );
    let tw1 = quarter(&c, 2019, 1);
    assert_eq!(tw1.state, QuarterState::Verified);
    assert_eq!(tw1.received_at.as_deref(), Some("2019-04-16T01:00:00Z"));
    assert_eq!(tw1.verified_at.as_deref(), Some("2019-04-20T03:00:00Z"));
    assert_eq!(tw1.verified_by.as_deref(), Some("Admin Bappeda"));
    assert!(tw1.exported.is_some());
    let tw2 = quarter(&c, 2019, 2);
    assert_eq!(tw2.state, QuarterState::Received);
    assert!(tw2.exported.is_none());
    assert_eq!(tw2.verified_by, None);
    // TW III (due 15 October) is the one late report.
    assert_eq!(quarter(&c, 2019, 3).state, QuarterState::Overdue);
    assert_eq!(c.overdue_count, 1);
    assert_eq!(
        c.next.as_ref().map(|n| (n.quarter, n.overdue)),
        Some((3, true))
    );
}

#[test]
fn bappeda_has_no_calendar_and_no_report_history() {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let error = calendar(store.conn(), day("2019-05-01")).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(
        error
            .to_string()
            .starts_with("Hanya OPD yang melihat kalender laporan"),
        "{error}"
    );
    assert_eq!(history(store.conn()).unwrap_err().code(), "forbidden");
}

#[test]
fn the_report_history_lists_every_export_with_bappedas_status() {
    let (dir, mut store) = opd();
    let first = export_quarter(&mut store, &dir, 1);
    let second = export_quarter(&mut store, &dir, 1);
    let third = export_quarter(&mut store, &dir, 2);
    // Fixed export times, so the feedback can be written between them.
    for (sequence, at) in [
        (first.sequence, "2019-04-10T01:00:00Z"),
        (second.sequence, "2019-04-12T01:00:00Z"),
        (third.sequence, "2019-07-10T01:00:00Z"),
    ] {
        store
            .write(|tx| {
                tx.execute(
                    "UPDATE reports SET exported_at = ?2 WHERE sequence = ?1 AND direction = 'exported'",
                    rusqlite::params![sequence, at],
                )?;
                Ok(())
            })
            .unwrap();
    }

    // No feedback yet: no news of any, newest first, with the key in words.
    let h = history(store.conn()).unwrap();
    assert!(h.feedback.is_none());
    let sequences: Vec<i64> = h.exports.iter().map(|e| e.sequence).collect();
    assert_eq!(sequences, [third.sequence, second.sequence, first.sequence]);
    assert!(h.exports.iter().all(|e| e.status == BappedaStatus::NoNews));
    let public_key = renaksi_core::keys::current_public_key(store.conn(), dir.path())
        .unwrap()
        .unwrap();
    let words = key_words::fingerprint_words(&public_key);
    assert!(h.exports.iter().all(|e| e.key_words == words), "{words}");
    assert_eq!(h.exports[0].key_fingerprint, third.key_fingerprint);
    assert_eq!((h.exports[0].year, h.exports[0].quarter), (2019, 2));
    assert_eq!(h.exports[2].file_name, "laporan-tw1.xlsx");

    // Feedback of 15 April: the first received and verified; the second
    // (exported on 12 April) is not listed, though written after it.
    take_feedback(
        &mut store,
        1,
        "2019-04-15T02:00:00Z",
        &[Receipt {
            key: &first.key_fingerprint,
            sequence: first.sequence,
            quarter: 1,
            received_at: "2019-04-11T01:00:00Z",
            verified: Some(("2019-04-14T03:00:00Z", "Admin Bappeda")),
        }],
    );
    let h = history(store.conn()).unwrap();
    let status = |store: &Store, sequence: i64| {
        let h = history(store.conn()).unwrap();
        h.exports
            .into_iter()
            .find(|e| e.sequence == sequence)
            .unwrap()
    };
    assert_eq!(h.feedback.as_ref().map(|f| f.sequence), Some(1));
    let one = status(&store, first.sequence);
    assert_eq!(one.status, BappedaStatus::Verified);
    assert_eq!(one.received_at.as_deref(), Some("2019-04-11T01:00:00Z"));
    assert_eq!(one.verified_at.as_deref(), Some("2019-04-14T03:00:00Z"));
    assert_eq!(one.verified_by.as_deref(), Some("Admin Bappeda"));
    assert_eq!(
        status(&store, second.sequence).status,
        BappedaStatus::NotRecorded
    );
    // Exported after that feedback was written: no news yet.
    assert_eq!(status(&store, third.sequence).status, BappedaStatus::NoNews);

    // The next feedback lists the second as received, under the fingerprint
    // without its dashes; the same sequence under another key is not ours.
    take_feedback(
        &mut store,
        2,
        "2019-07-20T02:00:00Z",
        &[
            Receipt {
                key: &second.key_fingerprint.replace('-', "").to_lowercase(),
                sequence: second.sequence,
                quarter: 1,
                received_at: "2019-04-13T01:00:00Z",
                verified: None,
            },
            Receipt {
                key: "1111-2222-3333-4444",
                sequence: third.sequence,
                quarter: 2,
                received_at: "2019-07-11T01:00:00Z",
                verified: None,
            },
        ],
    );
    let two = status(&store, second.sequence);
    assert_eq!(two.status, BappedaStatus::Received);
    assert_eq!(two.received_at.as_deref(), Some("2019-04-13T01:00:00Z"));
    assert_eq!(two.verified_at, None);
    // The first is not in this file any more (replaced whole): not recorded.
    assert_eq!(
        status(&store, first.sequence).status,
        BappedaStatus::NotRecorded
    );
    assert_eq!(
        status(&store, third.sequence).status,
        BappedaStatus::NotRecorded
    );
}

/// A quarter still awaited with no due date set is not "nothing awaited":
/// the calendar counts it apart, for the banner to say Bappeda has not set
/// the date.
#[test]
fn quarters_without_a_due_date_are_still_awaited() {
    let (_dir, mut store) = opd();
    store
        .write(|tx| {
            tx.execute("UPDATE periods SET due_date = NULL WHERE year = 2019", [])?;
            Ok(())
        })
        .unwrap();
    let c = calendar(store.conn(), day("2019-11-01")).unwrap();
    assert_eq!(c.next, None);
    assert_eq!(c.overdue_count, 0);
    assert_eq!(c.waiting_without_due, 4);
    assert_eq!(quarter(&c, 2019, 1).state, QuarterState::Waiting);
    assert_eq!(quarter(&c, 2019, 1).due_date, None);

    // Once Bappeda sets one, it is named, and the others stay counted.
    store
        .write(|tx| {
            tx.execute(
                "UPDATE periods SET due_date = '2019-11-15' WHERE year = 2019 AND quarter = 3",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let c = calendar(store.conn(), day("2019-11-01")).unwrap();
    assert_eq!(
        c.next.as_ref().map(|n| (n.quarter, n.days_left)),
        Some((3, 14))
    );
    assert_eq!(c.waiting_without_due, 3);
}

/// While the clerk views an earlier, read-only plan, the calendar and the
/// history are still those of the active plan: the earlier plan awaits
/// nothing, and its quarters must not read as years late.
#[test]
fn the_calendar_and_history_are_the_active_plans_while_an_earlier_one_is_viewed() {
    use renaksi_core::package;
    use renaksi_core::planning::{self, NewPlan};
    use renaksi_core::store::plans;

    let (dir, path) = crate::temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let first_package = dir.path().join("paket-2018.xlsx");
    renaksi_core::package::export(&bappeda, dir.path(), &first_package).unwrap();
    let office = dir.path().join("opd");
    std::fs::create_dir_all(&office).unwrap();
    let mut opd = Store::open(&office.join("renaksi.db")).unwrap();
    package::apply(
        &mut opd,
        &package::read_file(&first_package).unwrap(),
        Some((CODE, "Sari")),
    )
    .unwrap();
    let earlier = plans::current(opd.conn()).unwrap().unwrap();
    export(
        &mut opd,
        &office,
        PeriodRef {
            year: 2019,
            quarter: 1,
        },
        Paper::A4,
        &office.join("laporan.xlsx"),
    )
    .unwrap();
    assert_eq!(history(opd.conn()).unwrap().exports.len(), 1);

    let (next_plan, _) = planning::create(
        &mut bappeda,
        &NewPlan {
            region: earlier.region.clone(),
            title: "Rencana Aksi Keterbukaan Pemerintah 2020-2022".into(),
            first: PeriodRef {
                year: 2020,
                quarter: 1,
            },
            last: PeriodRef {
                year: 2022,
                quarter: 4,
            },
        },
    )
    .unwrap();
    let next_package = dir.path().join("paket-2020.xlsx");
    package::export(&bappeda, dir.path(), &next_package).unwrap();
    package::apply(&mut opd, &package::read_file(&next_package).unwrap(), None).unwrap();
    planning::view(&mut opd, &earlier.id).unwrap();
    assert_eq!(plans::current(opd.conn()).unwrap().unwrap().id, earlier.id);
    assert_ne!(earlier.id, next_plan.id);

    let c = calendar(opd.conn(), day("2020-03-01")).unwrap();
    assert_eq!(c.quarters.len(), 12);
    assert!(
        c.quarters.iter().all(|q| q.year >= 2020),
        "{:?}",
        c.quarters
    );
    assert_eq!(c.overdue_count, 0);
    assert_eq!(
        c.next.as_ref().map(|n| (n.year, n.quarter, n.overdue)),
        Some((2020, 1, false))
    );
    // The earlier plan's report belongs to the earlier plan's history, which
    // the report screen (for the active plan) does not show.
    let h = history(opd.conn()).unwrap();
    assert!(h.exports.is_empty(), "{:?}", h.exports);
}
