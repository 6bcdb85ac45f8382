// The app's command names, in one place: build.rs declares them in the app
// manifest (for the ACL) and the command module checks its handler against them.
pub const COMMAND_NAMES: [&str; 3] = ["app_status", "first_start", "plan_overview"];
