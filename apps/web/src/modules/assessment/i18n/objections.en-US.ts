import type { assessmentObjectionsZh } from './objections.zh-CN';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** English texts of publication and objections (`assessmentObjections`). */
export const assessmentObjectionsEn: Texts<typeof assessmentObjectionsZh> = {
  card: {
    title: 'Published results',
    none: 'The results of this cycle have not been published yet.',
    version: 'Publication {{version}}',
    publishedAt: 'Published',
    closesAt: 'Objections until',
    windowOpen: 'Objection period open',
    windowClosed: 'Objection period closed',
    score: 'Provisional score',
    grade: 'Grade',
    rank: 'Rank in level',
    rankValue: 'No. {{rank}}',
    indicator: 'Indicator',
    earned: 'Published score',
    marks: 'Marks',
    object: 'File an objection',
    myObjections: 'Objections of this unit',
    noResult: 'This unit is not part of the publication.',
  },
  tab: {
    title: 'Objections',
    publish: 'Publish results',
    republish: 'Publish again',
    pendingOnly: 'Pending only',
    none: 'No objections.',
    notPublished: 'The results of this cycle have not been published yet.',
    published: 'Publication {{version}} issued.',
    summary: 'Publication {{version}}, {{units}} units, objections until {{closes}}',
    decide: 'Decide',
  },
  columns: {
    unit: 'Unit',
    indicator: 'Indicator',
    reason: 'Reason',
    evidence: 'Evidence',
    evidenceCount: '{{count}} file(s)',
    filed: 'Filed',
    status: 'Decision',
    decisionReason: 'Decision reason',
  },
  decision: {
    PENDING: 'Pending',
    UPHELD: 'Upheld',
    REJECTED: 'Rejected',
  },
  scoreChange: '{{sign}}{{points}} points',
  publishDialog: {
    title: 'Publish assessment results',
    intro:
      'Publishes the current provisional results (score, grade, rank and each indicator) to the units and notifies their operators and the prefecture supervisors. If scores change later, publishing again makes a new version.',
    closesAt: 'Objection period ends',
    closesRequired: 'Choose when the objection period ends.',
    fromSchedule:
      'Filled in from the stage schedule: the objection stage’s last day ({{day}}); you may change it.',
    ok: 'Publish',
  },
  fileDialog: {
    title: 'Object to the published result',
    indicator: 'Indicator',
    indicatorRequired: 'Choose an indicator.',
    reason: 'Reason',
    reasonRequired: 'Give a reason.',
    evidence: 'Evidence',
    evidenceHelp: 'Files your unit uploaded in this cycle (optional).',
    ok: 'File objection',
    filed: 'Objection filed; you will be notified of the decision.',
  },
  decideDialog: {
    title: 'Decide objection: {{unit}} · {{indicator}}',
    decision: 'Decision',
    reason: 'Reason',
    reasonRequired: 'Give a reason.',
    scoreChange: 'Score change (optional)',
    scoreChangeHelp: 'Positive adds, negative deducts; recorded as an adjustment on the unit.',
    ok: 'Confirm',
    decided: 'Objection decided; the unit has been notified.',
  },
};
