import type { EvidenceFilterInput, TaskStatus } from '../../../graphql/generated/graphql';

/** A picked calendar day (a Dayjs satisfies this). */
export interface PickedDay {
  format(template: string): string;
}

/** The explorer's filter form as the user filled it in. */
export interface EvidenceFilterValues {
  cycleId?: string;
  unitCode?: string;
  articleNumber?: number | null;
  taskStatus?: TaskStatus;
  documentNumber?: string;
  uploaded?: [PickedDay | null, PickedDay | null] | null;
  includeHistory?: boolean;
}

/** The form's values as `EvidenceFilterInput`: empty fields left out, text trimmed. */
export function toEvidenceFilter(values: EvidenceFilterValues): EvidenceFilterInput {
  const filter: EvidenceFilterInput = {};
  if (values.cycleId) filter.cycleId = values.cycleId;
  if (values.unitCode) filter.unitCode = values.unitCode;
  if (values.articleNumber !== undefined && values.articleNumber !== null) {
    filter.articleNumber = values.articleNumber;
  }
  if (values.taskStatus) filter.taskStatus = values.taskStatus;
  const documentNumber = values.documentNumber?.trim();
  if (documentNumber) filter.documentNumber = documentNumber;
  const [from, to] = values.uploaded ?? [];
  if (from) filter.uploadedFrom = from.format('YYYY-MM-DD');
  if (to) filter.uploadedTo = to.format('YYYY-MM-DD');
  if (values.includeHistory) filter.includeHistory = true;
  return filter;
}
