import { ExtractedDuty } from '@duty/regulation/duties';
import { DutyDepartment } from './duty-department.entity';

/**
 * Tracked by default: what the extractor suggests (implementation duties of local governments
 * and their departments, mandatory or declarative, at a level the province's units work at:
 * never sanctions, definitions or national bodies' duties). A reviewer can still track any
 * government duty. Only government duties can be tracked (a database constraint).
 */
export function initialTracked(
  duty: Pick<ExtractedDuty, 'governmentDuty' | 'trackedByDefault'>,
): boolean {
  return duty.governmentDuty && duty.trackedByDefault;
}

/**
 * Initial lead (牵头) and assisting (配合) departments of a government duty: the extractor's
 * suggested lead (the only named department, else the coordinating 市场监督管理 when named or
 * when none is named, else the first), and every other department the text names, including
 * those to act together with (会同…). A reviewer confirms or changes them.
 */
export function initialDepartments(
  dutyId: string,
  duty: Pick<
    ExtractedDuty,
    'governmentDuty' | 'departments' | 'assistingDepartments' | 'suggestedLeadDepartment'
  >,
): DutyDepartment[] {
  if (!duty.governmentDuty || !duty.suggestedLeadDepartment) return [];
  const lead = duty.suggestedLeadDepartment;
  const named = new Set([...duty.departments, ...duty.assistingDepartments]);
  return [
    { dutyId, departmentCode: lead, role: 'lead', fromText: named.has(lead) },
    ...[...named]
      .filter((code) => code !== lead)
      .map((code) => ({ dutyId, departmentCode: code, role: 'assist' as const, fromText: true })),
  ];
}
