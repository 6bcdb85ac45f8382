//! The app's commands, one file per area, each a few lines: parse, call
//! `renaksi-api`, map the error. `ui/src/api/<area>.ts` mirrors `<area>.rs`. Each is
//! listed once, in `names.rs`.

#[macro_use]
mod names;
pub use names::COMMAND_NAMES;

pub mod assessment;
pub mod backups;
pub mod bands;
pub mod cocreation;
pub mod consolidation;
pub mod exchange;
pub mod feedback;
pub mod plan;
pub mod planning;
pub mod publish;
pub mod report;
pub mod review;
mod save_dialog;
pub mod setup;
pub mod structure;
pub mod template;
pub mod versions;
pub mod workspace;

#[cfg(test)]
mod tests {
    use super::COMMAND_NAMES;

    #[test]
    fn main_window_capability_allows_exactly_the_declared_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../../capabilities/main.json")).unwrap();
        let mut allowed: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        allowed.sort();
        let mut expected: Vec<String> = COMMAND_NAMES
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-")))
            .collect();
        expected.sort();
        assert_eq!(allowed, expected);
    }
}
