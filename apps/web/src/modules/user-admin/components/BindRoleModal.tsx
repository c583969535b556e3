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
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../auth/graphql/types';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { BindRoleInput, UserAccount } from '../graphql/types';
import {
  useCountyUnits,
  useDepartments,
  usePrefectures,
  useProvinces,
} from '../hooks/useJurisdiction';
import { useBindUserRole } from '../hooks/useUserAdminMutations';
import { bindableRoles, isPrivilegedRole } from '../utils/roleSeparation';
import { roleScope, takesScopeProvinces } from '../utils/roleScope';
import { accountText } from '../utils/accountText';

/**
 * The "prefecture" choice for the county-level units a province administers directly (省直管):
 * this prefix and the province's code (one such choice per province in the deployment).
 */
export const DIRECTLY_ADMINISTERED = '__DIRECTLY_ADMINISTERED__';

const directChoice = (provinceCode: string) => `${DIRECTLY_ADMINISTERED}${provinceCode}`;

/** The province of a 省直管 choice; undefined for a prefecture. */
function directProvinceOf(choice: string | undefined): string | undefined {
  return choice?.startsWith(DIRECTLY_ADMINISTERED)
    ? choice.slice(DIRECTLY_ADMINISTERED.length)
    : undefined;
}

/** A unit's province (GB/T 2260: the first two digits). */
const provinceOfUnit = (code: string) => `${code.slice(0, 2)}0000`;

interface BindRoleValues {
  role?: Role;
  /** The province of a provincial supervisor. */
  provinceCode?: string;
  /** The provinces of a national supervisor or an auditor without a unit (none: 全国). */
  scopeProvinceCodes?: string[];
  /** A prefecture; for an auditor also a province. */
  prefectureCode?: string;
  countyCode?: string;
  departmentId?: string;
}

const SERVER_FIELDS = ['role', 'unitCode', 'departmentId', 'scopeProvinceCodes'] as const;

/** The form's starting point: the user's current role and where it is bound. */
function initialValues(user: UserAccount): BindRoleValues {
  const { role, unit, department } = user;
  if (!role) return {};
  const scope = roleScope(role);
  const scopeProvinceCodes = user.scopeProvinces.map((p) => p.code);
  if (scope === 'province') {
    return unit?.level === 'PROVINCE' ? { role, provinceCode: unit.code } : { role };
  }
  if (scope === 'provinces') return { role, scopeProvinceCodes };
  if (scope === 'optionalPrefecture' && !unit) return { role, scopeProvinceCodes };
  if (
    (scope === 'prefecture' && unit?.level === 'PREFECTURE') ||
    (scope === 'optionalPrefecture' && (unit?.level === 'PREFECTURE' || unit?.level === 'PROVINCE'))
  ) {
    return { role, prefectureCode: unit.code };
  }
  if (scope === 'countyDepartment' && unit?.level === 'COUNTY') {
    return {
      role,
      prefectureCode: unit.directlyAdministered
        ? directChoice(provinceOfUnit(unit.code))
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
  const provinces = values.scopeProvinceCodes?.length
    ? { scopeProvinceCodes: values.scopeProvinceCodes }
    : {};
  switch (roleScope(role)) {
    case 'province':
      return { userId, role, unitCode: values.provinceCode };
    case 'provinces':
      return { userId, role, ...provinces };
    case 'prefecture':
      return { userId, role, unitCode: values.prefectureCode };
    case 'optionalPrefecture':
      return values.prefectureCode
        ? { userId, role, unitCode: values.prefectureCode }
        : { userId, role, ...provinces };
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

  const prefectures = usePrefectures(
    scope === 'none' || scope === 'province' || scope === 'provinces',
  );
  const provinces = useProvinces(
    scope !== 'province' &&
      scope !== 'provinces' &&
      scope !== 'optionalPrefecture' &&
      scope !== 'countyDepartment',
  );
  const provinceOptions = useMemo(
    () => provinces.items.map((unit) => ({ value: unit.code, label: unit.name })),
    [provinces.items],
  );
  // One province in the deployment (the common case): the provincial supervisor's is known.
  const onlyProvince = provinces.items.length === 1 ? provinces.items[0].code : undefined;
  useEffect(() => {
    if (scope === 'province' && onlyProvince && !form.getFieldValue('provinceCode')) {
      form.setFieldsValue({ provinceCode: onlyProvince });
    }
  }, [scope, onlyProvince, form]);
  // Prefectures are children of a province; its other county-level children are 省直管. With
  // one province, 省直管 is offered when it has such units; with several, under each province.
  const severalProvinces = provinces.items.length > 1;
  const chosenDirect = directProvinceOf(prefectureCode);
  const direct = useCountyUnits(
    scope === 'countyDepartment' ? (chosenDirect ?? onlyProvince) : undefined,
  );
  const underPrefecture = useCountyUnits(
    scope === 'countyDepartment' && !chosenDirect ? prefectureCode : undefined,
  );
  const counties = chosenDirect ? direct : underPrefecture;
  const departments = useDepartments(scope === 'countyDepartment' ? countyCode : undefined);

  const prefectureOptions = useMemo<SelectProps['options']>(() => {
    const option = (unit: { code: string; name: string }) => ({
      value: unit.code,
      label: unit.name,
    });
    const directLabel = t('userAdmin.bindRole.directlyAdministered');
    if (scope === 'countyDepartment' && severalProvinces) {
      // Each province with its prefectures and its 省直管 units.
      return provinces.items.map((province) => ({
        label: province.name,
        title: province.name,
        options: [
          ...prefectures.items.filter((p) => p.parentCode === province.code).map(option),
          { value: directChoice(province.code), label: `${province.name}${directLabel}` },
        ],
      }));
    }
    const options = prefectures.items.map(option);
    // An auditor's jurisdiction may also be a whole province.
    if (scope === 'optionalPrefecture') options.unshift(...provinceOptions);
    if (scope === 'countyDepartment' && onlyProvince && direct.items.length > 0) {
      options.push({ value: directChoice(onlyProvince), label: directLabel });
    }
    return options;
  }, [
    prefectures.items,
    provinces.items,
    provinceOptions,
    severalProvinces,
    onlyProvince,
    direct.items.length,
    scope,
    t,
  ]);

  const countyOptions = useMemo<SelectProps['options']>(() => {
    const options = counties.items.map((unit) => ({ value: unit.code, label: unit.name }));
    if (!chosenDirect) return options;
    const province = provinces.items.find((p) => p.code === chosenDirect);
    const directLabel = t('userAdmin.bindRole.directlyAdministered');
    return [
      {
        label: severalProvinces && province ? `${province.name}${directLabel}` : directLabel,
        options,
      },
    ];
  }, [counties.items, chosenDirect, provinces.items, severalProvinces, t]);

  const onValuesChange = (changed: BindRoleValues) => {
    // Each choice narrows the next one: clear what no longer fits.
    let cleared: BindRoleValues = {};
    if ('role' in changed && roleScope(changed.role) !== scope) {
      cleared = {
        provinceCode: undefined,
        scopeProvinceCodes: undefined,
        prefectureCode: undefined,
        countyCode: undefined,
        departmentId: undefined,
      };
    } else if ('prefectureCode' in changed) {
      cleared = { countyCode: undefined, departmentId: undefined };
      // An auditor bound to a unit takes no provinces.
      if (changed.prefectureCode) cleared.scopeProvinceCodes = undefined;
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
        {scope === 'province' && (
          <Form.Item
            name="provinceCode"
            label={t('userAdmin.bindRole.province')}
            rules={[{ required: true, message: t('userAdmin.bindRole.provinceRequired') }]}
          >
            <Select
              options={provinceOptions}
              loading={provinces.loading}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        {scope !== 'none' && scope !== 'province' && scope !== 'provinces' && (
          <Form.Item
            name="prefectureCode"
            label={
              scope === 'optionalPrefecture'
                ? t('userAdmin.bindRole.auditorUnit')
                : t('userAdmin.bindRole.prefecture')
            }
            extra={
              scope === 'optionalPrefecture' ? t('userAdmin.bindRole.auditorUnitHelp') : undefined
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
        {takesScopeProvinces(role, prefectureCode) && (
          <Form.Item
            name="scopeProvinceCodes"
            label={t('userAdmin.bindRole.scopeProvinces')}
            extra={t('userAdmin.bindRole.scopeProvincesHelp')}
          >
            <Select
              mode="multiple"
              allowClear
              options={provinceOptions}
              loading={provinces.loading}
              placeholder={t('userAdmin.bindRole.wholeCountry')}
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
