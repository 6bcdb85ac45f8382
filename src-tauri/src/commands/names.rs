// The app's command names, in one place: build.rs declares them in the app
// manifest (for the ACL) and a test checks the main window's capability.
pub const COMMAND_NAMES: [&str; 18] = [
    "app_status",
    "first_start",
    "demo_opds",
    "plan_overview",
    "action_detail",
    "save_milestone",
    "delete_milestone",
    "save_indicator",
    "delete_indicator",
    "save_targets",
    "save_realisation",
    "save_action_narrative",
    "add_evidence_file",
    "add_evidence_link",
    "delete_evidence",
    "open_evidence",
    "history",
    "undo_last",
];
