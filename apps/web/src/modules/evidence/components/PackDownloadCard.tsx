import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Progress, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CycleSelect } from '../../../components/CycleSelect';
import type { TaskStatus } from '../../../graphql/generated/graphql';
import type { Cycle } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { usePackDownload } from '../hooks/usePackDownload';
import { formatBytes } from '../utils/formatBytes';
import { parseNumberTags } from '../utils/packUrl';
import { TASK_STATUSES } from '../utils/taskStatuses';
import type { UnitOptionGroup } from '../../../utils/unitOptions';

interface PackFormValues {
  cycleId?: string;
  unitCode?: string;
  chapters?: string[];
  articles?: string[];
  statuses?: TaskStatus[];
}

const numbersRule = (message: string) => ({
  validator: async (_: unknown, value: string[] | undefined) => {
    if (parseNumberTags(value).invalid.length) throw new Error(message);
  },
});

/** The sealed-pack form, the streaming progress and the note on verifying the pack. */
export function PackDownloadCard({
  cycles,
  defaultCycleId,
  unitGroups,
  unitsLoading,
}: {
  cycles: readonly Cycle[];
  defaultCycleId: string | undefined;
  unitGroups: UnitOptionGroup[];
  unitsLoading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<PackFormValues>();
  const { state, start, cancel } = usePackDownload(t('evidence.pack.defaultFileName'));
  const running = state.kind === 'running';

  const onFinish = (values: PackFormValues) => {
    if (!values.cycleId) return;
    void start({
      cycleId: values.cycleId,
      unitCode: values.unitCode,
      chapters: parseNumberTags(values.chapters).numbers,
      articles: parseNumberTags(values.articles).numbers,
      statuses: values.statuses,
    });
  };

  return (
    <Card title={t('evidence.pack.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('evidence.pack.intro')}
        </Typography.Paragraph>
        <Form<PackFormValues>
          form={form}
          name="evidencePack"
          layout="vertical"
          initialValues={{ cycleId: defaultCycleId }}
          onFinish={onFinish}
          disabled={running}
          style={{ maxWidth: 720 }}
        >
          <Flex gap="middle" wrap>
            <Form.Item
              name="cycleId"
              label={t('evidence.pack.cycle')}
              rules={[{ required: true, message: t('evidence.pack.cycleRequired') }]}
            >
              <CycleSelect cycles={cycles} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="unitCode" label={t('evidence.pack.unit')}>
              <Select
                options={unitGroups}
                loading={unitsLoading}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('evidence.pack.unitPlaceholder')}
                style={{ width: 300 }}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="chapters"
            label={t('evidence.pack.chapters')}
            rules={[numbersRule(t('evidence.pack.numbersInvalid'))]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              notFoundContent={null}
              suffixIcon={null}
              placeholder={t('evidence.pack.chaptersPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="articles"
            label={t('evidence.pack.articles')}
            rules={[numbersRule(t('evidence.pack.numbersInvalid'))]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              notFoundContent={null}
              suffixIcon={null}
              placeholder={t('evidence.pack.articlesPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="statuses" label={t('evidence.pack.statuses')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('evidence.pack.statusesPlaceholder')}
              options={TASK_STATUSES.map((s) => ({
                value: s,
                label: t(`evidence.taskStatus.${s}`),
              }))}
            />
          </Form.Item>
          <Flex gap="small">
            <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={running}>
              {t('evidence.pack.submit')}
            </Button>
            {running && (
              <Button icon={<StopOutlined />} onClick={cancel} disabled={false}>
                {t('evidence.pack.cancel')}
              </Button>
            )}
          </Flex>
        </Form>
        {running && (
          <div role="status" aria-live="polite">
            <Typography.Text>
              {state.bytes === 0
                ? t('evidence.pack.preparing')
                : t('evidence.pack.receiving', { bytes: formatBytes(state.bytes, i18n.language) })}
            </Typography.Text>
            {/* The size is unknown until the end: a moving full bar, not a percentage. */}
            <Progress percent={100} status="active" showInfo={false} />
          </div>
        )}
        {state.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            title={t('evidence.pack.done', {
              name: state.fileName,
              bytes: formatBytes(state.bytes, i18n.language),
            })}
          />
        )}
        {state.kind === 'cancelled' && (
          <Alert type="info" showIcon title={t('evidence.pack.cancelled')} />
        )}
        {state.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('evidence.pack.failed')}
            description={errorText(state.error)}
          />
        )}
        <Alert
          type="info"
          title={t('evidence.pack.verifyTitle')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('evidence.pack.verifyNote')}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('evidence.pack.verifyCommand')}</Typography.Text>
            </>
          }
        />
      </Flex>
    </Card>
  );
}
