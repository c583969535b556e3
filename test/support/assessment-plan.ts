/**
 * The scoring settings of an assessment plan as the tests save it (`saveAssessmentPlan`): the
 * default plan's rules — verified 1, submitted ½, returned or in progress ¼, not started and
 * overdue at cycle end 0; 0.5 per extension beyond the first and per return; bonus cap 5;
 * 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60. Spread into the input next to the cycle, weights and
 * indicators of the test.
 */
export const STANDARD_PLAN_SETTINGS = {
  rules: {
    verified: 1,
    submitted: 0.5,
    returnedOrInProgress: 0.25,
    notStarted: 0,
    overdueAtCycleEnd: 0,
  },
  deductions: { perExtensionBeyondFirst: 0.5, perReturn: 0.5 },
  bonusCap: 5,
  bands: [
    { grade: '优秀', min: 90 },
    { grade: '良好', min: 80 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ],
} as const;
