// The app's commands, each written once as `module::name`: lib.rs registers
// them (`app_commands!(handler)`), build.rs declares COMMAND_NAMES in the app
// manifest (for the ACL), a test checks capabilities/main.json, and
// src-tauri/tests/bindings.rs checks ui/src/api and tests/e2e/security.test.mjs
// against them. Kept one per line: the end-to-end test reads the names here.

/// Calls `$then!` with every command as `module::name`, in order.
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            setup::app_status,
            setup::first_start,
            setup::demo_opds,
            plan::plan_overview,
            workspace::action_detail,
            workspace::save_milestone,
            workspace::delete_milestone,
            workspace::save_indicator,
            workspace::delete_indicator,
            workspace::save_targets,
            workspace::save_realisation,
            workspace::save_action_narrative,
            workspace::add_evidence_file,
            workspace::add_evidence_link,
            workspace::delete_evidence,
            workspace::open_evidence,
            workspace::show_evidence_folder,
            workspace::history,
            workspace::undo_last,
            report::report_settings,
            report::save_report_settings,
            report::own_key,
            report::export_report,
            report::report_has_evidence_files,
            exchange::export_package,
            exchange::pick_report_files,
            exchange::import_report,
            exchange::import_evidence_bundle,
            exchange::received_reports,
            exchange::pick_package,
            exchange::submission_matrix,
            exchange::verify_report,
            exchange::pick_package_update,
            exchange::take_package_update,
            exchange::trust_bappeda_key,
            bands::grade_bands,
            bands::set_grade_bands,
            bands::undo_grade_bands,
            consolidation::consolidation_summary,
            consolidation::export_rekap,
            review::review_notes,
            review::add_review_note,
            review::set_review_note_resolved,
            backups::backups_list,
            backups::backup_now,
            backups::restore_backup,
            backups::recover_from_backup,
            backups::key_status,
            backups::rotate_key,
            backups::renew_key,
            cocreation::sessions_list,
            cocreation::session_detail,
            cocreation::save_session,
            cocreation::delete_session,
            cocreation::add_participant,
            cocreation::remove_participant,
            cocreation::save_input,
            cocreation::delete_input,
            cocreation::set_response,
            cocreation::export_berita_acara,
            versions::versions_list,
            versions::take_version,
            versions::version_diff,
            planning::plan_list,
            planning::create_plan,
            planning::set_plan_status,
            planning::set_period_due,
            planning::close_period,
            planning::reopen_period,
            planning::view_plan,
            planning::undo_plan_change,
            structure::plan_structure,
            structure::save_opd,
            structure::save_theme,
            structure::reorder_themes,
            structure::save_plan_action,
            structure::archive_structure_row,
            structure::unarchive_structure_row,
            structure::delete_structure_row,
            structure::undo_structure_change,
            template::export_plan_template,
            template::pick_plan_template,
            template::preview_plan_template,
            template::import_plan_template,
            publish::publish_overview,
            publish::publish_site,
            publish::write_open_data,
            assessment::self_assessment,
            assessment::set_self_assessment,
            assessment::clear_self_assessment,
            assessment::undo_self_assessment,
            assessment::export_self_assessment,
        }
    };
}

/// `COMMAND_NAMES`: the commands' names, as the webview invokes them.
macro_rules! command_names {
    ($($module:ident::$name:ident,)*) => {
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

app_commands!(command_names);
