import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duty } from '../graphql/types';

const MODALITY_COLORS: Record<string, string> = {
  MANDATORY: 'red',
  DECLARATIVE: 'volcano',
  ENCOURAGED: 'green',
  DISCRETIONARY: 'cyan',
};

/** Duties stand out; sanctions and prohibitions are marked; formulas stay plain. */
const KIND_COLORS: Record<string, string> = {
  IMPLEMENTATION: 'blue',
  ENFORCEMENT: 'orange',
  PROHIBITION: 'orange',
  LIABILITY: 'orange',
};

/**
 * The labels of one statement: what it does, who, where, how binding, which departments, and
 * its review state.
 */
export function DutyLabels({ duty }: { duty: Duty }) {
  const { t } = useTranslation();
  const lead = duty.departments.filter((d) => d.role === 'LEAD');
  const assisting = duty.departments.filter((d) => d.role === 'ASSIST');
  const departmentTip = (fromText: boolean) =>
    fromText ? t('register.duty.fromText') : t('register.duty.notFromText');

  return (
    <Flex wrap gap={4}>
      <Tag color={KIND_COLORS[duty.kind] ?? 'default'}>{t(`register.kinds.${duty.kind}`)}</Tag>
      {duty.actorType !== 'NONE' && (
        <Tooltip title={duty.actorText}>
          <Tag color="geekblue">
            {t('register.duty.actor')}：{t(`register.actorTypes.${duty.actorType}`)}
          </Tag>
        </Tooltip>
      )}
      {duty.needsReview && (
        <Tooltip title={t('register.duty.needsReviewTip')}>
          <Tag color="warning">{t('register.duty.needsReview')}</Tag>
        </Tooltip>
      )}
      {duty.levels.length > 0 && (
        <Tag>
          {t('register.duty.levels')}：
          {duty.levels.map((l) => t(`register.levels.${l}`)).join('、')}
        </Tag>
      )}
      <Tag color={MODALITY_COLORS[duty.modality]}>
        {t(`register.modalityShort.${duty.modality}`)}
      </Tag>
      {lead.map((d) => (
        <Tooltip key={d.department.code} title={departmentTip(d.fromText)}>
          <Tag color="blue" variant={d.fromText ? 'solid' : 'outlined'}>
            {t('register.duty.lead')}：{d.department.name}
          </Tag>
        </Tooltip>
      ))}
      {duty.governmentDuty && lead.length === 0 && (
        <Tag color="warning">{t('register.duty.noLead')}</Tag>
      )}
      {assisting.map((d) => (
        <Tooltip key={d.department.code} title={departmentTip(d.fromText)}>
          <Tag>
            {t('register.duty.assist')}：{d.department.name}
          </Tag>
        </Tooltip>
      ))}
      {duty.actorType !== 'NONE' && (
        <Tag color={duty.governmentDuty ? 'purple' : 'default'}>
          {duty.governmentDuty ? t('register.duty.government') : t('register.duty.nonGovernment')}
        </Tag>
      )}
      {duty.governmentDuty && (
        <Tag color={duty.tracked ? 'success' : 'default'}>
          {duty.tracked ? t('register.duty.tracked') : t('register.duty.notTracked')}
        </Tag>
      )}
      <Tag color={duty.reviewState === 'REVIEWED' ? 'success' : 'gold'}>
        {t(`register.reviewStates.${duty.reviewState}`)}
      </Tag>
    </Flex>
  );
}
