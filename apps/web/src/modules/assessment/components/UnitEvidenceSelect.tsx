import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { UnitEvidenceChoicesDocument } from '../../../graphql/generated/graphql';

/** An evidence file as the select offers it. */
export interface EvidenceChoice {
  id: string;
  fileName: string;
  documentNumber?: string | null;
  /** Withdrawn after it was attached: marked, to be removed (the API no longer takes it). */
  withdrawn?: boolean;
}

export const evidenceLabel = (e: EvidenceChoice) =>
  e.documentNumber ? `${e.fileName}（${e.documentNumber}）` : e.fileName;

type Props = Omit<SelectProps<string[]>, 'mode' | 'options' | 'loading'> & {
  cycleId: string;
  unitCode: string;
  /**
   * The unit's files when the caller already has them (e.g. with the unit's staged assessment);
   * else they are asked for (`unitEvidenceChoices`, which the unit's own operators may read).
   */
  files?: readonly EvidenceChoice[];
};

/** 佐证材料: several of the unit's evidence files of the cycle (as a form field). */
export function UnitEvidenceSelect({ cycleId, unitCode, files, ...select }: Props) {
  const { t } = useTranslation();
  const listed = useAppQuery(UnitEvidenceChoicesDocument, files ? null : { cycleId, unitCode });
  const choices: readonly EvidenceChoice[] = files ?? listed.data?.unitEvidenceChoices ?? [];
  return (
    <Select<string[]>
      {...select}
      mode="multiple"
      optionFilterProp="label"
      loading={!files && !listed.data && !listed.error}
      options={choices.map((e) => ({
        value: e.id,
        label: e.withdrawn
          ? `${evidenceLabel(e)}（${t('assessmentStages.evidence.withdrawn')}）`
          : evidenceLabel(e),
      }))}
    />
  );
}
