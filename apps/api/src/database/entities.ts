import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { UserSession } from '../auth/user-session.entity';
import { MfaRecoveryCode } from '../auth/mfa-recovery-code.entity';
import { PasswordHistoryEntry } from '../auth/password-history.entity';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { CycleDutyDueDate } from '../cycle/cycle-duty-due-date.entity';
import { TaskAssist } from '../task/task-assist.entity';
import { TaskEvent } from '../task/task-event.entity';
import { TaskExtensionRequest } from '../task/task-extension.entity';
import { TaskReassignment } from '../task-assignment/task-reassignment.entity';
import { Task } from '../task/task.entity';
import { TaskComment } from '../task-comment/task-comment.entity';
import { TaskCommentAttachment } from '../task-comment/task-comment-attachment.entity';
import { NotApplicableRequest } from '../task-applicability/not-applicable-request.entity';
import { AssessmentAdjustment } from '../assessment/assessment-adjustment.entity';
import { AssessmentPlanVersion } from '../assessment/assessment-plan-version.entity';
import { AssessmentResult, AssessmentResultSet } from '../assessment/assessment-result.entity';
import { AssessmentMeasureValue } from '../assessment/measure/assessment-measure-value.entity';
import { AssessmentMeasureEvent } from '../assessment/measure/assessment-measure-event.entity';
import {
  AssessmentScoreChange,
  AssessmentStageEntry,
  AssessmentStageUnit,
  AssessmentStageWindow,
} from '../assessment/stages/assessment-stage.entities';
import { OnsiteFindingEvent, OnsiteItem, OnsiteSample } from '../assessment/onsite/onsite.entities';
import {
  AssessmentObjection,
  AssessmentPublication,
  AssessmentPublicationResult,
} from '../assessment/objections/objection.entities';
import { Bulletin } from '../bulletin/bulletin.entity';
import { Evidence } from '../evidence/evidence.entity';
import { EvidenceIntegrityRun } from '../evidence/evidence-integrity-run.entity';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { Duty } from '../duty/duty.entity';
import { DutyDepartment } from '../duty/duty-department.entity';
import { DutyReviewEvent } from '../duty/duty-review-event.entity';
import { DutyMappingSuggestion } from '../duty-mapping/duty-mapping-suggestion.entity';
import { RegulationArticle } from '../regulation/entities/regulation-article.entity';
import { RegulationChapter } from '../regulation/entities/regulation-chapter.entity';
import { RegulationItem } from '../regulation/entities/regulation-item.entity';
import { RegulationParagraph } from '../regulation/entities/regulation-paragraph.entity';
import { RegulationSection } from '../regulation/entities/regulation-section.entity';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { Regulation } from '../regulation/entities/regulation.entity';
import { SecurityAuditEntry } from '../security-audit/security-audit-entry.entity';
import { SystemSetting } from '../system/system-setting.entity';
import { AppUser } from '../user/user.entity';
import { UrgingNotice, UrgingNumberCounter } from '../urging/urging-notice.entity';
import { PasswordResetRequest } from '../user/password-reset-request.entity';
import { Notification } from '../notification/notification.entity';
import { NotificationDelivery } from '../notification/notification-delivery.entity';
import { NotificationSetting } from '../notification/notification-setting.entity';
import { ApiToken } from '../api-token/api-token.entity';

/** Every TypeORM entity of the API. */
export const entities = [
  SystemSetting,
  Regulation,
  RegulationVersion,
  RegulationChapter,
  RegulationSection,
  RegulationArticle,
  RegulationParagraph,
  RegulationItem,
  DepartmentKindEntity,
  Duty,
  DutyDepartment,
  DutyReviewEvent,
  DutyMappingSuggestion,
  AdminUnit,
  Department,
  AppUser,
  PasswordResetRequest,
  UserSession,
  PasswordHistoryEntry,
  MfaRecoveryCode,
  SecurityAuditEntry,
  AssessmentCycle,
  CycleDutyDueDate,
  Task,
  TaskAssist,
  TaskEvent,
  TaskExtensionRequest,
  TaskComment,
  TaskCommentAttachment,
  NotApplicableRequest,
  TaskReassignment,
  Evidence,
  EvidenceIntegrityRun,
  AssessmentPlanVersion,
  AssessmentAdjustment,
  AssessmentResultSet,
  AssessmentResult,
  AssessmentMeasureValue,
  AssessmentMeasureEvent,
  AssessmentStageWindow,
  AssessmentStageUnit,
  AssessmentStageEntry,
  AssessmentScoreChange,
  OnsiteSample,
  OnsiteItem,
  OnsiteFindingEvent,
  AssessmentPublication,
  AssessmentPublicationResult,
  AssessmentObjection,
  Bulletin,
  UrgingNotice,
  UrgingNumberCounter,
  Notification,
  NotificationSetting,
  NotificationDelivery,
  ApiToken,
];
