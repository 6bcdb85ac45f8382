//! Saves for ever, the way a clerk does, until it is killed: the other half of
//! the kill test in `tests/core/durability.rs`.
//!
//! `save_loop <database> <round>` opens an OPD's database with [`Store::open`]
//! (the app's own pragmas and transactions), prints `READY`, then repeats one
//! real user save through `editing`. Before each save it prints
//! `SAVE\t<n>\t<what>`; once the save returned Ok it prints `ACK\t<n>\t<what>`:
//! that line is the acknowledgement the user sees. Each line is flushed at once,
//! so whatever the test read before the kill was shown before the kill.
//!
//! `<what>` is tab-separated and carries values unique to this round and save,
//! so the test can tell which save a stored value came from:
//! - `realisation\t<indicator>\t<quarter>\t<value>\t<notes>` (year 2019)
//! - `targets\t<indicator>\t<tw1>\t<tw2>\t<tw3>\t<tw4>` (year 2019)
//! - `indicator\t<indicator>\t<description>`
//! - `new-indicator\t<action>\t<description>`, and the ACK adds `\t<new id>`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
use renaksi_core::model::Indicator;
use renaksi_core::store::{self, opds, plans};
use renaksi_core::Store;

/// The open year of the demo plan (2018 is closed).
const YEAR: i32 = 2019;
/// A loop the test failed to kill stops by itself.
const GIVE_UP_AFTER: Duration = Duration::from_secs(120);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(round)) = (args.get(1), args.get(2).and_then(|r| r.parse().ok())) else {
        eprintln!("usage: save_loop <database> <round>");
        return ExitCode::from(2);
    };
    match run(PathBuf::from(path), round) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // The test reads this line and fails with it.
            let _ = say(&format!("ERROR\t{message}"));
            ExitCode::FAILURE
        }
    }
}

fn run(path: PathBuf, round: u64) -> Result<(), String> {
    let mut store = Store::open(&path).map_err(|e| format!("open: {e}"))?;
    let opd_id = opds::by_code(store.conn(), "DINKES")
        .map_err(|e| e.to_string())?
        .ok_or("no DINKES in this database")?
        .id;
    let mut own = own_indicators(&store, &opd_id)?;
    say("READY").map_err(|e| e.to_string())?;

    let mut random = XorShift::new(round);
    let started = Instant::now();
    for n in 1u64.. {
        if started.elapsed() > GIVE_UP_AFTER {
            return Err("not killed in time".into());
        }
        let indicator = own[random.below(own.len() as u64) as usize].clone();
        // A value no other save of any round writes; exact as f64.
        let unique = (round * 1_000_000 + n) as f64;
        let what = match random.below(8) {
            0..=3 => {
                let quarter = 1 + random.below(4) as u8;
                let notes = format!("catatan r{round} n{n}");
                let what = format!(
                    "realisation\t{}\t{quarter}\t{unique}\t{notes}",
                    indicator.id
                );
                say(&format!("SAVE\t{n}\t{what}")).map_err(|e| e.to_string())?;
                values::save_realisation(
                    &mut store,
                    &RealisationInput {
                        indicator_id: indicator.id.clone(),
                        year: YEAR,
                        quarter,
                        value: Some(unique),
                        notes,
                        obstacles: format!("kendala r{round} n{n}"),
                        follow_up: String::new(),
                    },
                )
                .map_err(|e| format!("save {n}: {e}"))?;
                what
            }
            4..=5 => {
                let targets: Vec<f64> = (0..4).map(|q| unique + 0.25 * q as f64).collect();
                let what = format!(
                    "targets\t{}\t{}\t{}\t{}\t{}",
                    indicator.id, targets[0], targets[1], targets[2], targets[3]
                );
                say(&format!("SAVE\t{n}\t{what}")).map_err(|e| e.to_string())?;
                values::save_targets(
                    &mut store,
                    &TargetsInput {
                        indicator_id: indicator.id.clone(),
                        year: YEAR,
                        values: targets.into_iter().map(Some).collect(),
                    },
                )
                .map_err(|e| format!("save {n}: {e}"))?;
                what
            }
            6 => {
                let description = format!("Indikator diubah r{round} n{n}");
                let what = format!("indicator\t{}\t{description}", indicator.id);
                say(&format!("SAVE\t{n}\t{what}")).map_err(|e| e.to_string())?;
                indicators::save(
                    &mut store,
                    &input(&indicator, Some(&indicator.id), description),
                )
                .map_err(|e| format!("save {n}: {e}"))?;
                what
            }
            _ => {
                // A new row: the file grows, pages are allocated, indexes split.
                let description = format!("Indikator baru r{round} n{n}");
                let what = format!("new-indicator\t{}\t{description}", indicator.action_id);
                say(&format!("SAVE\t{n}\t{what}")).map_err(|e| e.to_string())?;
                let (id, _) =
                    indicators::save(&mut store, &input(&indicator, None, description.clone()))
                        .map_err(|e| format!("save {n}: {e}"))?;
                // Later saves of this round may change the new one too.
                own.push(Indicator {
                    id: id.clone(),
                    description,
                    ..indicator.clone()
                });
                format!("{what}\t{id}")
            }
        };
        say(&format!("ACK\t{n}\t{what}")).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// DINKES's indicators in the plan, in a stable order.
fn own_indicators(store: &Store, opd_id: &str) -> Result<Vec<Indicator>, String> {
    let plan = plans::current(store.conn())
        .map_err(|e| e.to_string())?
        .ok_or("no plan")?;
    let own: Vec<Indicator> = store::indicators::list_for_plan(store.conn(), &plan.id)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|i| i.opd_id == opd_id)
        .collect();
    if own.is_empty() {
        return Err("DINKES has no indicators".into());
    }
    Ok(own)
}

/// The indicator as the workspace form would send it, with a new description.
fn input(like: &Indicator, id: Option<&str>, description: String) -> IndicatorInput {
    IndicatorInput {
        id: id.map(str::to_string),
        action_id: like.action_id.clone(),
        milestone_id: None,
        description,
        unit: like.unit.clone(),
        baseline: like.baseline,
        polarity: like.polarity,
        aggregation: like.aggregation,
    }
}

/// One line to the test, flushed. A closed pipe (the test is gone) ends the loop.
fn say(line: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(format!("{line}\n").as_bytes())?;
    out.flush()
}

/// A small xorshift: which save comes next only needs to vary, not be secure.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}
