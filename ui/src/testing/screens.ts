// The app loads its screens other than the plan overview when they are first
// opened (App.vue). A test of the whole app loads them up front, so a click
// shows its screen after one flushPromises(), as in the app once a screen's
// code is in.
export async function loadScreens(): Promise<void> {
  await Promise.all([
    import('../workspace/ActionDetail.vue'),
    import('../backup/BackupScreen.vue'),
    import('../backup/RecoveryOffer.vue'),
    import('../consolidation/ConsolidationScreen.vue'),
    import('../exchange/ExchangeScreen.vue'),
    import('../present/PresentationMode.vue'),
    import('../report/ReportScreen.vue'),
    import('../feedback/FeedbackScreen.vue'),
    import('../cocreation/CocreationScreen.vue'),
    import('../planning/PlanEditorScreen.vue'),
    import('../planning/PlanTab.vue'),
    import('../planning/QuartersTab.vue'),
    import('../publish/PublishScreen.vue'),
    import('../publish/AssessmentScreen.vue'),
  ]);
}
