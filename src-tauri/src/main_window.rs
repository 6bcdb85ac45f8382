//! The main window, opened with the answers to the UI's two start questions
//! (app status and plan overview) already in the page. Asked over IPC, those
//! answers reach the page only after it has loaded; given in an initialisation
//! script, the first frame the window paints can already show the plan.

use serde::Serialize;
use tauri::{App, Manager, WebviewWindowBuilder};

use crate::commands::{plan, setup};
use crate::error::CommandResult;
use crate::state::AppState;

/// The sessionStorage key ui/src/api/startup.ts sets once the page has started.
/// It survives a reload, so a reloaded page asks afresh instead of showing
/// answers from when the window opened.
const STARTED_KEY: &str = "renaksi.pageStarted";

/// Each answer as serde writes a `Result`: `{"Ok": value}` or `{"Err": {code,
/// message}}`, what the command would have returned or rejected with.
#[derive(Serialize, ts_rs::TS)]
#[ts(rename = "GivenAnswers")]
pub(crate) struct StartAnswers {
    status: CommandResult<setup::AppStatus>,
    /// Not asked before the first start: there is no plan yet.
    overview: CommandResult<Option<renaksi_core::overview::PlanOverview>>,
}

/// Opens the window described in tauri.conf.json (which has `create: false`).
pub fn open(app: &App) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .expect("tauri.conf.json describes the main window")
        .clone();
    let script = start_script(&app.state::<AppState>());
    WebviewWindowBuilder::from_config(app.handle(), &config)?
        .initialization_script(script)
        .build()?;
    Ok(())
}

fn start_script(state: &AppState) -> String {
    let status = setup::status(state);
    let overview = match &status {
        Ok(current) if !current.needs_setup => plan::read_overview(state, None),
        _ => Ok(None),
    };
    script_giving(&StartAnswers { status, overview })
}

/// The answers travel as a JSON string parsed in the page: a string literal
/// is valid JavaScript whatever the plan's names contain.
fn script_giving(answers: &impl Serialize) -> String {
    let json = serde_json::to_string(answers).expect("the start answers serialise");
    let literal = serde_json::to_string(&json).expect("a string serialises");
    // Only the app's own page (tauri://localhost on Linux and macOS,
    // http(s)://tauri.localhost on Windows) is given the plan.
    format!(
        "(() => {{ try {{ \
           if (location.protocol !== 'tauri:' && location.hostname !== 'tauri.localhost') return; \
           if (window.sessionStorage.getItem('{STARTED_KEY}') !== null) return; \
           window.__RENAKSI_START__ = JSON.parse({literal}); \
         }} catch (_) {{ /* the page asks over IPC instead */ }} }})();"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CommandError;

    /// The JSON the script hands to the page, read back out of the script.
    fn given_json(script: &str) -> serde_json::Value {
        let start = script.find("JSON.parse(").unwrap() + "JSON.parse(".len();
        let end = script.rfind("); }").unwrap();
        let json: String = serde_json::from_str(&script[start..end]).unwrap();
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn names_with_quotes_and_script_tags_reach_the_page_unchanged() {
        let title = "Rencana \"Aksi\" 'Wonosobo' </script><script>alert(1)</script> \u{2028}";
        let answers = StartAnswers {
            status: Err(CommandError {
                code: "db_open".into(),
                message: title.into(),
                field: None,
                key: None,
            }),
            overview: Ok(None),
        };
        let given = given_json(&script_giving(&answers));
        assert_eq!(given["status"]["Err"]["message"], title);
        assert_eq!(given["status"]["Err"]["code"], "db_open");
        assert_eq!(given["overview"]["Ok"], serde_json::Value::Null);
    }
}
