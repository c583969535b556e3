import { ErrorCode } from '@duty/shared/errors';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import {
  ACTOR_TYPES,
  ADMIN_LEVELS,
  MODALITIES,
  type DepartmentKind,
  type Duty,
} from '../graphql/types';
import { useReviewDuty } from '../hooks/useRegisterData';
import {
  isGovernmentActor,
  reviewValuesOf,
  toReviewInput,
  type ReviewValues,
} from '../utils/reviewInput';

const FIELDS = [
  'actorType',
  'levels',
  'modality',
  'leadDepartmentCode',
  'assistingDepartmentCodes',
  'tracked',
  'note',
] as const;

export interface DutyReviewDrawerProps {
  duty: Duty | undefined;
  departmentKinds: DepartmentKind[];
  onClose: () => void;
  /** Loads the regulation text again (after a CONFLICT). */
  onReload: () => void;
}

export function DutyReviewDrawer({
  duty,
  departmentKinds,
  onClose,
  onReload,
}: DutyReviewDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={!!duty}
      title={t('register.review.title')}
      size={560}
      onClose={onClose}
      destroyOnHidden
    >
      {duty && (
        <ReviewForm
          key={`${duty.id}:${duty.rowVersion}`}
          duty={duty}
          departmentKinds={departmentKinds}
          onDone={onClose}
          onReload={onReload}
        />
      )}
    </Drawer>
  );
}

interface ReviewFormProps {
  duty: Duty;
  departmentKinds: DepartmentKind[];
  onDone: () => void;
  onReload: () => void;
}

function ReviewForm({ duty, departmentKinds, onDone, onReload }: ReviewFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const actorType = Form.useWatch('actorType', form) ?? duty.actorType;
  const tracked = Form.useWatch('tracked', form) ?? duty.tracked;
  const government = isGovernmentActor(actorType);
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { review, reviewing } = useReviewDuty();
  const [conflict, setConflict] = useState(false);
  const departmentOptions = departmentKinds.map((k) => ({ value: k.code, label: k.name }));

  const finish = async (values: ReviewValues) => {
    clear();
    try {
      const reviewed = await review(toReviewInput(duty, values));
      const followed = reviewed?.tasksFollowedLead ?? 0;
      void message.success(
        followed > 0
          ? t('register.review.leadFollowed', { count: followed })
          : t('register.review.saved'),
      );
      onDone();
    } catch (thrown) {
      const appError = report(thrown);
      if (appError.code === ErrorCode.CONFLICT) setConflict(true);
    }
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph style={{ background: '#fffbe6', padding: 8, marginBottom: 0 }}>
        {duty.text}
      </Typography.Paragraph>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('register.review.conflict')}
          action={
            <Button size="small" onClick={onReload}>
              {t('register.review.reload')}
            </Button>
          }
        />
      ) : (
        error && <Alert type="error" showIcon title={error} />
      )}
      <Form<ReviewValues>
        form={form}
        layout="vertical"
        initialValues={reviewValuesOf(duty)}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item name="actorType" label={t('register.review.actorType')}>
          <Select
            options={ACTOR_TYPES.map((a) => ({ value: a, label: t(`register.actorTypes.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="modality" label={t('register.review.modality')}>
          <Select
            options={MODALITIES.map((m) => ({ value: m, label: t(`register.modalities.${m}`) }))}
          />
        </Form.Item>
        {government ? (
          <>
            <Form.Item
              name="levels"
              label={t('register.review.levels')}
              rules={[
                {
                  required: true,
                  type: 'array',
                  min: 1,
                  message: t('register.review.levelsRequired'),
                },
              ]}
            >
              <Checkbox.Group
                options={ADMIN_LEVELS.map((l) => ({ value: l, label: t(`register.levels.${l}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="leadDepartmentCode"
              label={t('register.review.lead')}
              rules={[{ required: tracked, message: t('register.review.leadRequired') }]}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentOptions}
              />
            </Form.Item>
            <Form.Item name="assistingDepartmentCodes" label={t('register.review.assisting')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={departmentOptions}
              />
            </Form.Item>
            <Form.Item name="tracked" label={t('register.review.tracked')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('register.review.nonGovernmentHint')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="note" label={t('register.review.note')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('register.review.notePlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reviewing} disabled={conflict}>
          {t('register.review.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
