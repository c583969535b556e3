// Every migration, in order. Listed explicitly (not globbed) so the same list works in the
// compiled app, the migration CLI and the test harness.
import { CreateSystemSetting1764223200000 } from './1764223200000-CreateSystemSetting';
import { CreateRegulationAndDutyRegister1795761361006 } from './1795761361006-CreateRegulationAndDutyRegister';
import { CreateUnitsUsersSessionsAndAuditLog1795762325788 } from './1795762325788-CreateUnitsUsersSessionsAndAuditLog';
import { CreateCyclesTasksAndHistory1795763519338 } from './1795763519338-CreateCyclesTasksAndHistory';
import { CreateEvidence1795771517355 } from './1795771517355-CreateEvidence';
import { CreateAssessmentPlansAndResults1795773347995 } from './1795773347995-CreateAssessmentPlansAndResults';
import { AddDutyKindsAndTextContext1796535087863 } from './1796535087863-AddDutyKindsAndTextContext';
import { AddDutyMappingSuggestions1796538290529 } from './1796538290529-AddDutyMappingSuggestions';
import { CreatePasswordResetRequests1796549767700 } from './1796549767700-CreatePasswordResetRequests';
import { AddEvidenceIntegrityMark1796549869589 } from './1796549869589-AddEvidenceIntegrityMark';
import { CreatePasswordHistory1796550080322 } from './1796550080322-CreatePasswordHistory';
import { AddIntegrityHashChains1796556803831 } from './1796556803831-AddIntegrityHashChains';
import { AddSecondFactor1796556811650 } from './1796556811650-AddSecondFactor';
import { CreateJobQueue1796600000000 } from './1796600000000-CreateJobQueue';
import { CreateNotifications1796600000001 } from './1796600000001-CreateNotifications';
import { CreateUrgingNotices1796600100000 } from './1796600100000-CreateUrgingNotices';
import { AddTaskAcknowledgementAndReassignment1796600200000 } from './1796600200000-AddTaskAcknowledgementAndReassignment';
import { AddTaskCommentsAndNotApplicable1796600300000 } from './1796600300000-AddTaskCommentsAndNotApplicable';
import { CreateBulletins1796600400000 } from './1796600400000-CreateBulletins';
import { AddTaskSearchIndexes1796720000000 } from './1796720000000-AddTaskSearchIndexes';
import { AddUserOfficeAndPhone1796750000000 } from './1796750000000-AddUserOfficeAndPhone';
import { AddTaskSubmittedAt1796800000000 } from './1796800000000-AddTaskSubmittedAt';
import { CreateApiTokens1796840000000 } from './1796840000000-CreateApiTokens';
import { AddSingleSignOn1796850000000 } from './1796850000000-AddSingleSignOn';
import { AddAssessmentMeasures1796920000000 } from './1796920000000-AddAssessmentMeasures';
import { AddAssessmentStages1796960000000 } from './1796960000000-AddAssessmentStages';
import { AddAssessmentHistoryImport1796970000000 } from './1796970000000-AddAssessmentHistoryImport';
import { AddAnalyticsRollups1796980000000 } from './1796980000000-AddAnalyticsRollups';
import { AddOnsiteVerification1796990000000 } from './1796990000000-AddOnsiteVerification';
import { AddAssessmentObjections1797000000000 } from './1797000000000-AddAssessmentObjections';
import { AddTaskListIndexes1797030000000 } from './1797030000000-AddTaskListIndexes';
import { AddNationalSupervisor1797040000000 } from './1797040000000-AddNationalSupervisor';
import { AddProvinceCyclesAndRegulationOwners1797050000000 } from './1797050000000-AddProvinceCyclesAndRegulationOwners';
import { AddAnalyticsUnitRollup1797060000000 } from './1797060000000-AddAnalyticsUnitRollup';
import { AddAnalyticsAreaRollup1797070000000 } from './1797070000000-AddAnalyticsAreaRollup';
import { AddAdminUnitProvinceIndex1797080000000 } from './1797080000000-AddAdminUnitProvinceIndex';
import { PartitionTaskHistoryByCycle1797090000000 } from './1797090000000-PartitionTaskHistoryByCycle';
import { ReadTaskHistoryByCycle1797100000000 } from './1797100000000-ReadTaskHistoryByCycle';

export const migrations = [
  CreateSystemSetting1764223200000,
  CreateRegulationAndDutyRegister1795761361006,
  CreateUnitsUsersSessionsAndAuditLog1795762325788,
  CreateCyclesTasksAndHistory1795763519338,
  CreateEvidence1795771517355,
  CreateAssessmentPlansAndResults1795773347995,
  AddDutyKindsAndTextContext1796535087863,
  AddDutyMappingSuggestions1796538290529,
  CreatePasswordResetRequests1796549767700,
  AddEvidenceIntegrityMark1796549869589,
  CreatePasswordHistory1796550080322,
  AddIntegrityHashChains1796556803831,
  AddSecondFactor1796556811650,
  CreateJobQueue1796600000000,
  CreateNotifications1796600000001,
  CreateUrgingNotices1796600100000,
  AddTaskAcknowledgementAndReassignment1796600200000,
  AddTaskCommentsAndNotApplicable1796600300000,
  CreateBulletins1796600400000,
  AddTaskSearchIndexes1796720000000,
  AddUserOfficeAndPhone1796750000000,
  AddTaskSubmittedAt1796800000000,
  CreateApiTokens1796840000000,
  AddSingleSignOn1796850000000,
  AddAssessmentMeasures1796920000000,
  AddAssessmentStages1796960000000,
  AddAssessmentHistoryImport1796970000000,
  AddAnalyticsRollups1796980000000,
  AddOnsiteVerification1796990000000,
  AddAssessmentObjections1797000000000,
  AddTaskListIndexes1797030000000,
  AddNationalSupervisor1797040000000,
  AddProvinceCyclesAndRegulationOwners1797050000000,
  AddAnalyticsUnitRollup1797060000000,
  AddAnalyticsAreaRollup1797070000000,
  AddAdminUnitProvinceIndex1797080000000,
  PartitionTaskHistoryByCycle1797090000000,
  ReadTaskHistoryByCycle1797100000000,
];

/** Table where TypeORM records applied migrations. */
export const MIGRATIONS_TABLE = 'typeorm_migration';
