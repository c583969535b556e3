import type { mapZh } from './zh-CN';

/** English texts of the map module. */
export const mapEn: typeof mapZh = {
  titleScope: '{{scope}} completion map',
  metric: {
    label: 'Colour by',
    completion: 'Completion',
    score: 'Score',
    urging: 'Open urging notices',
  },
  legend: {
    title: 'Legend',
    noData: 'No data',
    completion: 'Completion rate (verified / tasks)',
    score: 'Grade (by the assessment plan)',
    urging: 'Open urging notices',
  },
  schematic: 'Schematic: tiles are arranged by rough location, not actual boundaries.',
  boundarySource: 'Drawn from the boundary data supplied by this deployment.',
  boundaryInvalid: 'Boundary data unusable, showing the schematic map instead: {{message}}',
  unplaced: 'Not placed on the schematic map: {{names}}',
  hint: {
    drill: 'Click a prefecture to see its counties; click a county to open its unit page.',
    open: 'Click a unit to open its unit page.',
  },
  tile: {
    province: 'Provincial level',
    completion: 'Completion {{rate}} ({{verified}} verified / {{tasks}} tasks)',
    withChildren: 'With its counties: {{rate}} ({{verified}} / {{tasks}})',
    overdue: '{{n}} overdue',
    noTasks: 'No tasks this year',
    score: 'Score {{score}}, {{grade}}, rank {{rank}} among peers',
    noScore: 'No score yet',
    urging: '{{n}} open urging notices (blue {{blue}}, orange {{orange}}, red {{red}})',
    drill: 'Show its counties',
    open: 'Open the unit page',
  },
  ariaMap: '{{metric}} map of {{scope}}',
  empty: 'No units to show.',
  noMap: 'No map of this province yet',
};
