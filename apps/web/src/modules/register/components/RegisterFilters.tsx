import { Button, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_KINDS, MODALITIES, REVIEW_STATES, type DepartmentKind } from '../graphql/types';
import { EMPTY_FILTER, isFilterActive, type DutyFilter } from '../utils/dutyFilter';

export interface RegisterFiltersProps {
  value: DutyFilter;
  onChange: (filter: DutyFilter) => void;
  departmentKinds: DepartmentKind[];
  matches: number;
}

export function RegisterFilters({
  value,
  onChange,
  departmentKinds,
  matches,
}: RegisterFiltersProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap="small" align="center">
      <Input.Search
        aria-label={t('register.filters.search')}
        placeholder={t('register.filters.searchPlaceholder')}
        allowClear
        style={{ width: 240 }}
        defaultValue={value.search}
        onSearch={(search) => onChange({ ...value, search })}
      />
      <Select
        aria-label={t('register.filters.kind')}
        placeholder={t('register.filters.kind')}
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 160, maxWidth: 280 }}
        value={value.kinds ?? []}
        onChange={(kinds: DutyFilter['kinds']) =>
          onChange({ ...value, kinds: kinds?.length ? kinds : undefined })
        }
        options={DUTY_KINDS.map((k) => ({ value: k, label: t(`register.kinds.${k}`) }))}
      />
      <Select
        aria-label={t('register.filters.tracked')}
        placeholder={t('register.filters.tracked')}
        allowClear
        style={{ width: 130 }}
        value={value.tracked === undefined ? undefined : String(value.tracked)}
        onChange={(tracked?: string) =>
          onChange({ ...value, tracked: tracked === undefined ? undefined : tracked === 'true' })
        }
        options={[
          { value: 'true', label: t('register.filters.trackedOnly') },
          { value: 'false', label: t('register.filters.untrackedOnly') },
        ]}
      />
      <Select
        aria-label={t('register.filters.modality')}
        placeholder={t('register.filters.modality')}
        allowClear
        style={{ width: 150 }}
        value={value.modality}
        onChange={(modality) => onChange({ ...value, modality })}
        options={MODALITIES.map((m) => ({ value: m, label: t(`register.modalityShort.${m}`) }))}
      />
      <Select
        aria-label={t('register.filters.department')}
        placeholder={t('register.filters.department')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        value={value.departmentCode}
        onChange={(departmentCode) => onChange({ ...value, departmentCode })}
        options={departmentKinds.map((k) => ({ value: k.code, label: k.name }))}
      />
      <Select
        aria-label={t('register.filters.reviewState')}
        placeholder={t('register.filters.reviewState')}
        allowClear
        style={{ width: 130 }}
        value={value.reviewState}
        onChange={(reviewState) => onChange({ ...value, reviewState })}
        options={REVIEW_STATES.map((s) => ({ value: s, label: t(`register.reviewStates.${s}`) }))}
      />
      <Checkbox
        checked={!!value.needsReview}
        onChange={(e) => onChange({ ...value, needsReview: e.target.checked || undefined })}
      >
        {t('register.filters.needsReview')}
      </Checkbox>
      {isFilterActive(value) && (
        <>
          <Typography.Text type="secondary">
            {t('register.filters.matches', { count: matches })}
          </Typography.Text>
          <Button type="link" onClick={() => onChange(EMPTY_FILTER)}>
            {t('register.filters.clear')}
          </Button>
        </>
      )}
    </Flex>
  );
}
