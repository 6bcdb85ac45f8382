//! The main window, opened with the answers to the UI's two start questions
//! (app status and plan overview) already in the page. Asked over IPC, those
//! answers reach the page only after it has loaded; given in an initialisation
//! script, the first frame the window paints can already show the plan.

use serde::Serialize;
use tauri::{App, Manager, WebviewWindowBuilder};

use crate::commands::{plan, setup};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The sessionStorage key that says the page has started once (ui/src/api/startup.ts
/// sets it too). It survives a reload, so a reloaded page asks afresh instead of
/// showing answers from when the window opened.
const GIVEN_KEY: &str = "renaksi.startAnswersGiven";

/// One answer as `{"ok": value}` or `{"err": {code, message}}`, the way the UI
/// would have received it from the command.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Answer<T> {
    Ok(T),
    Err(CommandError),
}

impl<T> From<CommandResult<T>> for Answer<T> {
    fn from(result: CommandResult<T>) -> Self {
        match result {
            Ok(value) => Answer::Ok(value),
            Err(error) => Answer::Err(error),
        }
    }
}

#[derive(Serialize)]
struct StartAnswers {
    status: Answer<setup::AppStatus>,
    /// Not asked before the first start: there is no plan yet.
    overview: Answer<Option<renaksi_core::overview::PlanOverview>>,
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
    let answers = StartAnswers {
        status: status.into(),
        overview: overview.into(),
    };
    script_giving(&answers)
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
           if (window.sessionStorage.getItem('{GIVEN_KEY}') !== null) return; \
           window.sessionStorage.setItem('{GIVEN_KEY}', '1'); \
           window.__RENAKSI_START__ = JSON.parse({literal}); \
         }} catch (_) {{ /* the page asks over IPC instead */ }} }})();"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
            status: Answer::Err(CommandError {
                code: "db_open".into(),
                message: title.into(),
                field: None,
            }),
            overview: Answer::Ok(None),
        };
        let given = given_json(&script_giving(&answers));
        assert_eq!(given["status"]["err"]["message"], title);
        assert_eq!(given["status"]["err"]["code"], "db_open");
        assert_eq!(given["overview"]["ok"], serde_json::Value::Null);
    }
}
