import {
  Alert,
  App,
  Form,
  Modal,
  Select,
  Typography,
  type FormInstance,
  type SelectProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../auth/graphql/types';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { BindRoleInput, UserAccount } from '../graphql/types';
import { useCountyUnits, useDepartments, usePrefectures } from '../hooks/useJurisdiction';
import { useBindUserRole } from '../hooks/useUserAdminMutations';
import { bindableRoles, isPrivilegedRole } from '../utils/roleSeparation';
import { roleScope } from '../utils/roleScope';
import { accountText } from '../utils/accountText';

/** The "prefecture" choice for the county-level units the province administers directly. */
export const DIRECTLY_ADMINISTERED = '__DIRECTLY_ADMINISTERED__';

interface BindRoleValues {
  role?: Role;
  prefectureCode?: string;
  countyCode?: string;
  departmentId?: string;
}

const SERVER_FIELDS = ['role', 'unitCode', 'departmentId'] as const;

/** The form's starting point: the user's current role and where it is bound. */
function initialValues(user: UserAccount): BindRoleValues {
  const { role, unit, department } = user;
  if (!role) return {};
  const scope = roleScope(role);
  if ((scope === 'prefecture' || scope === 'optionalPrefecture') && unit?.level === 'PREFECTURE') {
    return { role, prefectureCode: unit.code };
  }
  if (scope === 'countyDepartment' && unit?.level === 'COUNTY') {
    return {
      role,
      prefectureCode: unit.directlyAdministered
        ? DIRECTLY_ADMINISTERED
        : (unit.parentCode ?? undefined),
      countyCode: unit.code,
      departmentId: department?.id,
    };
  }
  return { role };
}

/** The mutation's input: only the unit / department the chosen role is bound to. */
function toInput(userId: string, values: BindRoleValues): BindRoleInput {
  const role = values.role as Role;
  switch (roleScope(role)) {
    case 'prefecture':
    case 'optionalPrefecture':
      return values.prefectureCode
        ? { userId, role, unitCode: values.prefectureCode }
        : { userId, role };
    case 'countyDepartment':
      return { userId, role, unitCode: values.countyCode, departmentId: values.departmentId };
    case 'none':
      return { userId, role };
  }
}

interface BindRoleFormProps {
  form: FormInstance<BindRoleValues>;
  user: UserAccount;
  bindUserRole: (input: BindRoleInput) => Promise<void>;
  loading: boolean;
  onDone: () => void;
}

function BindRoleForm({ form, user, bindUserRole, loading, onDone }: BindRoleFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const initial = useMemo(() => initialValues(user), [user]);
  // The choices so far, kept in state (not Form.useWatch, which lags a task behind) so the
  // fields a role needs appear together with the role.
  const [choice, setChoice] = useState<BindRoleValues>(initial);
  const { role, prefectureCode, countyCode } = choice;
  const scope = roleScope(role);

  const prefectures = usePrefectures(scope === 'none');
  // Prefectures are children of the province; its other county-level children are 省直管.
  const provinceCode = prefectures.items.find((p) => p.parentCode)?.parentCode ?? undefined;
  const direct = useCountyUnits(scope === 'countyDepartment' ? provinceCode : undefined);
  const underPrefecture = useCountyUnits(
    scope === 'countyDepartment' && prefectureCode !== DIRECTLY_ADMINISTERED
      ? prefectureCode
      : undefined,
  );
  const counties = prefectureCode === DIRECTLY_ADMINISTERED ? direct : underPrefecture;
  const departments = useDepartments(scope === 'countyDepartment' ? countyCode : undefined);

  const prefectureOptions = useMemo(() => {
    const options = prefectures.items.map((unit) => ({ value: unit.code, label: unit.name }));
    if (scope === 'countyDepartment' && direct.items.length > 0) {
      options.push({
        value: DIRECTLY_ADMINISTERED,
        label: t('userAdmin.bindRole.directlyAdministered'),
      });
    }
    return options;
  }, [prefectures.items, direct.items.length, scope, t]);

  const countyOptions = useMemo<SelectProps['options']>(() => {
    const options = counties.items.map((unit) => ({ value: unit.code, label: unit.name }));
    return prefectureCode === DIRECTLY_ADMINISTERED
      ? [{ label: t('userAdmin.bindRole.directlyAdministered'), options }]
      : options;
  }, [counties.items, prefectureCode, t]);

  const onValuesChange = (changed: BindRoleValues) => {
    // Each choice narrows the next one: clear what no longer fits.
    let cleared: BindRoleValues = {};
    if ('role' in changed && roleScope(changed.role) !== scope) {
      cleared = { prefectureCode: undefined, countyCode: undefined, departmentId: undefined };
    } else if ('prefectureCode' in changed) {
      cleared = { countyCode: undefined, departmentId: undefined };
    } else if ('countyCode' in changed) {
      cleared = { departmentId: undefined };
    }
    form.setFieldsValue(cleared);
    setChoice((previous) => ({ ...previous, ...changed, ...cleared }));
  };

  const onFinish = async (values: BindRoleValues) => {
    clear();
    try {
      await bindUserRole(toInput(user.id, values));
      void message.success(t('userAdmin.bindRole.done', { username: accountText(user) }));
      onDone();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<BindRoleValues>
        form={form}
        preserve={false}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        disabled={loading}
      >
        <Form.Item
          name="role"
          label={t('userAdmin.bindRole.role')}
          rules={[{ required: true, message: t('userAdmin.bindRole.roleRequired') }]}
        >
          <Select
            options={bindableRoles(user.role).map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </Form.Item>
        {role && isPrivilegedRole(role) && !isPrivilegedRole(user.role) && (
          <Alert
            type="warning"
            showIcon
            title={t('userAdmin.bindRole.credentialsWithdrawn')}
            style={{ marginBottom: 16 }}
          />
        )}
        {role && scope === 'none' && (
          <Typography.Paragraph type="secondary">
            {t('userAdmin.bindRole.noScope')}
          </Typography.Paragraph>
        )}
        {scope !== 'none' && (
          <Form.Item
            name="prefectureCode"
            label={t('userAdmin.bindRole.prefecture')}
            extra={
              scope === 'optionalPrefecture' ? t('userAdmin.bindRole.provinceWideHelp') : undefined
            }
            rules={[
              {
                required: scope !== 'optionalPrefecture',
                message: t('userAdmin.bindRole.prefectureRequired'),
              },
            ]}
          >
            <Select
              options={prefectureOptions}
              loading={prefectures.loading}
              allowClear={scope === 'optionalPrefecture'}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        {scope === 'countyDepartment' && (
          <>
            <Form.Item
              name="countyCode"
              label={t('userAdmin.bindRole.county')}
              rules={[{ required: true, message: t('userAdmin.bindRole.countyRequired') }]}
            >
              <Select
                options={countyOptions}
                loading={counties.loading}
                disabled={!prefectureCode}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            <Form.Item
              name="departmentId"
              label={t('userAdmin.bindRole.department')}
              rules={[{ required: true, message: t('userAdmin.bindRole.departmentRequired') }]}
            >
              <Select
                options={departments.items.map((d) => ({ value: d.id, label: d.name }))}
                loading={departments.loading}
                disabled={!countyCode}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </>
  );
}

/** 分配角色: a role and, where the role needs it, its prefecture or county and department. */
export function BindRoleModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BindRoleValues>();
  const { bindUserRole, loading } = useBindUserRole();
  return (
    <Modal
      open={user !== null}
      title={t('userAdmin.bindRole.title', { username: accountText(user) })}
      okText={t('userAdmin.bindRole.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      {user && (
        <BindRoleForm
          key={user.id}
          form={form}
          user={user}
          bindUserRole={bindUserRole}
          loading={loading}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}
