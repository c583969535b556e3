import type { ActorType, AdminLevel, Duty, Modality, ReviewDutyInput } from '../graphql/types';

export interface ReviewValues {
  actorType: ActorType;
  levels: AdminLevel[];
  modality: Modality;
  leadDepartmentCode?: string | null;
  assistingDepartmentCodes: string[];
  tracked: boolean;
  note?: string;
}

export const isGovernmentActor = (actorType: ActorType) =>
  actorType === 'GOVERNMENT' || actorType === 'DEPARTMENT';

/** The form's starting values: the duty as it stands. */
export function reviewValuesOf(duty: Duty): ReviewValues {
  return {
    actorType: duty.actorType,
    levels: [...duty.levels],
    modality: duty.modality,
    leadDepartmentCode: duty.departments.find((d) => d.role === 'LEAD')?.department.code ?? null,
    assistingDepartmentCodes: duty.departments
      .filter((d) => d.role === 'ASSIST')
      .map((d) => d.department.code),
    tracked: duty.tracked,
    note: '',
  };
}

/**
 * The reviewDuty input. Non-government duties have no levels, departments or tracking (the API
 * clears them), so those fields are left out.
 */
export function toReviewInput(duty: Duty, values: ReviewValues): ReviewDutyInput {
  const note = values.note?.trim();
  const base: ReviewDutyInput = {
    dutyId: duty.id,
    expectedRowVersion: duty.rowVersion,
    actorType: values.actorType,
    modality: values.modality,
    ...(note ? { note } : {}),
  };
  if (!isGovernmentActor(values.actorType)) return base;
  const lead = values.leadDepartmentCode ?? null;
  return {
    ...base,
    levels: values.levels,
    leadDepartmentCode: lead,
    assistingDepartmentCodes: values.assistingDepartmentCodes.filter((c) => c !== lead),
    tracked: values.tracked,
  };
}
