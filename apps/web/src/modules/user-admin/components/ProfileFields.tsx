import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isValidPhone } from '../utils/phone';

/** Name, office and phone inputs shared by the create and edit forms. */
export function ProfileFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="displayName"
        label={t('userAdmin.create.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('userAdmin.create.displayNameRequired') },
          { max: 100, message: t('userAdmin.profile.displayNameTooLong') },
        ]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="office"
        label={t('userAdmin.profile.office')}
        extra={t('userAdmin.profile.officeHint')}
        rules={[{ max: 100, message: t('userAdmin.profile.officeTooLong') }]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('userAdmin.profile.phone')}
        extra={t('userAdmin.profile.phoneHint')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              isValidPhone(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('userAdmin.profile.phoneInvalid'))),
          },
        ]}
      >
        <Input autoComplete="off" maxLength={40} inputMode="tel" />
      </Form.Item>
    </>
  );
}
