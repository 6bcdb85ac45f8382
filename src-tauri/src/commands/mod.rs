//! The app's commands, one file per area, each a few lines: parse, call
//! `renaksi-api`, map the error. `ui/src/api/<area>.ts` mirrors `<area>.rs`.

pub mod backups;
pub mod cocreation;
pub mod consolidation;
pub mod exchange;
pub mod plan;
pub mod report;
pub mod review;
mod save_dialog;
pub mod setup;
pub mod versions;
pub mod workspace;

#[cfg(test)]
mod tests {
    include!("names.rs");

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

    #[test]
    fn the_handler_registers_exactly_the_declared_commands() {
        let lib = include_str!("../lib.rs");
        let mut registered: Vec<&str> = lib
            .lines()
            .filter_map(|line| line.trim().strip_prefix("commands::"))
            .filter_map(|path| path.trim_end_matches(',').rsplit("::").next())
            .collect();
        registered.sort();
        let mut declared = COMMAND_NAMES.to_vec();
        declared.sort();
        assert_eq!(registered, declared);
    }
}
