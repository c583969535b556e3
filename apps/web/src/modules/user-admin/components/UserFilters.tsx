import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../auth/graphql/types';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import { ROLES } from '../../auth/utils/roles';
import type { UserFilterInput } from '../graphql/types';

type StateFilter = 'enabled' | 'disabled';

/** Search text (applied on Enter), role and state. */
export function UserFilters({
  value,
  onChange,
}: {
  value: UserFilterInput;
  onChange: (filter: UserFilterInput) => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const state: StateFilter | undefined =
    value.disabled === undefined ? undefined : value.disabled ? 'disabled' : 'enabled';

  return (
    <Flex wrap gap="small">
      <Input.Search
        aria-label={t('userAdmin.searchPlaceholder')}
        placeholder={t('userAdmin.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        defaultValue={value.search ?? undefined}
        onSearch={(text) => onChange({ ...value, search: text.trim() || undefined })}
        style={{ width: 320 }}
      />
      <Select<Role>
        aria-label={t('userAdmin.roleFilter')}
        placeholder={t('userAdmin.allRoles')}
        allowClear
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role ?? undefined })}
        options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        style={{ width: 180 }}
      />
      <Select<StateFilter>
        aria-label={t('userAdmin.stateFilter')}
        placeholder={t('userAdmin.allStates')}
        allowClear
        value={state}
        onChange={(next) =>
          onChange({ ...value, disabled: next === undefined ? undefined : next === 'disabled' })
        }
        options={[
          { value: 'enabled', label: t('userAdmin.enabledOnly') },
          { value: 'disabled', label: t('userAdmin.disabledOnly') },
        ]}
        style={{ width: 140 }}
      />
    </Flex>
  );
}
