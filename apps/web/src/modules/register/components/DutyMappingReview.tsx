import { ErrorCode } from '@duty/shared/errors';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { personText } from '../../../components/PersonName';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { displayableServerMessage, toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { formatRate } from '../../../utils/format';
import { regulationNumber } from '../../../utils/chineseNumerals';
import type { DutyMapping } from '../graphql/types';
import { useDecideDutyMapping, useDutyMappings } from '../hooks/useDutyMappings';
import { dutyRedline } from '../utils/dutyRedline';
import { RedlineText } from './ArticleRedline';

type StatusFilter = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'ALL';
const FILTERS: StatusFilter[] = ['PENDING', 'CONFIRMED', 'REJECTED', 'ALL'];
const STATUS_COLORS: Record<string, string> = {
  PENDING: 'gold',
  CONFIRMED: 'green',
  REJECTED: 'default',
};
const CHANGE_COLORS: Record<string, string> = {
  CHANGED: 'orange',
  MERGED: 'purple',
  SPLIT: 'magenta',
};

export interface DutyMappingReviewProps {
  /** The new version. */
  versionId: string;
  /** A provincial supervisor on the latest version: may confirm and reject. */
  canDecide: boolean;
  /** The version is not the latest: its suggestions can only be read. */
  readOnly?: boolean;
}

/**
 * 映射审核: the suggestions that a duty of a changed, merged or split article continues a duty
 * of the previous version, each with the two statements marked up word by word; a provincial
 * supervisor confirms them (several at once) or rejects one with a reason.
 */
export function DutyMappingReview({ versionId, canDecide, readOnly }: DutyMappingReviewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { mappings, loading, error, reload } = useDutyMappings(versionId);
  const { decide, deciding } = useDecideDutyMapping();
  const [filter, setFilter] = useState<StatusFilter>('PENDING');
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<DutyMapping>();
  const decidable = canDecide && !readOnly;

  const pending = useMemo(() => (mappings ?? []).filter((m) => m.status === 'PENDING'), [mappings]);
  const rows = (mappings ?? []).filter((m) => filter === 'ALL' || m.status === filter);
  const selectedRows = pending.filter((m) => selected.includes(m.id));

  const position = (duty: DutyMapping['duty']) => {
    const article = regulationNumber(duty.article.number, language);
    const paragraph = regulationNumber(duty.paragraphNumber, language);
    return duty.itemNumber > 0
      ? t('register.mappings.positionItem', {
          article,
          paragraph,
          item: regulationNumber(duty.itemNumber, language),
        })
      : t('register.mappings.position', { article, paragraph });
  };

  /** Runs a decision; a CONFLICT reloads the list, other refusals say why. */
  const run = async (
    decision: 'CONFIRM' | 'REJECT',
    chosen: readonly DutyMapping[],
    reason?: string,
  ): Promise<boolean> => {
    try {
      await decide(decision, chosen, reason);
      void message.success(
        decision === 'CONFIRM'
          ? t('register.mappings.confirmed', { count: chosen.length })
          : t('register.mappings.rejected'),
      );
      setSelected((ids) => ids.filter((id) => !chosen.some((c) => c.id === id)));
      return true;
    } catch (thrown) {
      const appError = toAppError(thrown);
      if (appError.code === ErrorCode.CONFLICT) {
        // Decided or changed meanwhile (or a duty that already has tasks): say so and show the
        // suggestions as they now stand.
        void message.warning(
          displayableServerMessage(appError, language) ?? t('register.mappings.conflict'),
        );
        setSelected([]);
        await reload().catch(() => undefined);
      } else {
        void message.error(errorText(appError));
      }
      return false;
    }
  };

  const columns: TableProps<DutyMapping>['columns'] = [
    {
      key: 'previous',
      title: t('register.mappings.columns.previous'),
      width: '30%',
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{position(m.previousDuty)}</Typography.Text>
          <Typography.Text>{m.previousDuty.text}</Typography.Text>
          {m.previousDuty.tracked && (
            <Tag color="blue" style={{ alignSelf: 'flex-start' }}>
              {t('register.mappings.tracked')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'next',
      title: t('register.mappings.columns.next'),
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Flex gap="small" wrap align="center">
            <Typography.Text type="secondary">{position(m.duty)}</Typography.Text>
            <Tag color={CHANGE_COLORS[m.articleChange]}>
              {t(`register.diff.kinds.${m.articleChange}`)}
            </Tag>
            {!m.primary && (
              <Tooltip title={t('register.mappings.alternativeTip')}>
                <Tag>{t('register.mappings.alternative')}</Tag>
              </Tooltip>
            )}
          </Flex>
          <RedlineText segments={dutyRedline(m.previousDuty.text, m.duty.text)} />
        </Flex>
      ),
    },
    {
      key: 'similarity',
      title: t('register.mappings.columns.similarity'),
      align: 'right',
      render: (_, m) => formatRate(m.similarity, language),
    },
    {
      key: 'status',
      title: t('register.mappings.columns.status'),
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Tag color={STATUS_COLORS[m.status]} style={{ alignSelf: 'flex-start' }}>
            {t(`register.mappings.statuses.${m.status}`)}
          </Tag>
          {m.decidedBy && m.decidedAt && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              title={m.decider?.human === false ? undefined : m.decidedBy}
            >
              {t('register.mappings.decided', {
                user: personText(m.decider, m.decidedBy),
                time: formatDateTime(m.decidedAt, language),
              })}
            </Typography.Text>
          )}
          {m.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('register.mappings.reason', { reason: m.reason })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
  if (decidable) {
    columns.push({
      key: 'actions',
      title: t('register.mappings.columns.actions'),
      render: (_, m) =>
        m.status === 'PENDING' ? (
          <Flex gap="small">
            <Button
              size="small"
              type="primary"
              disabled={deciding}
              aria-label={`${t('register.mappings.confirm')} · ${position(m.duty)}`}
              onClick={() => void run('CONFIRM', [m])}
            >
              {t('register.mappings.confirm')}
            </Button>
            <Button
              size="small"
              danger
              disabled={deciding}
              aria-label={`${t('register.mappings.reject')} · ${position(m.duty)}`}
              onClick={() => setRejecting(m)}
            >
              {t('register.mappings.reject')}
            </Button>
          </Flex>
        ) : null,
    });
  }

  let body;
  if (error && !loading) body = <QueryErrorAlert error={error} onRetry={() => void reload()} />;
  else if (!mappings) body = <PageLoading rows={3} />;
  else
    body = (
      <Table<DutyMapping>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{
          emptyText:
            mappings.length === 0
              ? t('register.mappings.empty')
              : t('register.mappings.emptyFiltered'),
        }}
        rowSelection={
          decidable
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (m) => ({
                  disabled: m.status !== 'PENDING',
                  'aria-label': `${t('register.mappings.select')} · ${position(m.duty)}`,
                }),
              }
            : undefined
        }
      />
    );

  return (
    <Flex vertical gap="small" role="region" aria-label={t('register.mappings.title')}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('register.mappings.title')}
          </Typography.Title>
          {mappings && (
            <Tag color={pending.length ? 'gold' : 'default'}>
              {t('register.mappings.pendingCount', { count: pending.length })}
            </Tag>
          )}
        </Flex>
        <Flex align="center" gap="small" wrap>
          <Segmented<StatusFilter>
            aria-label={t('register.mappings.status')}
            size="small"
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({
              value: f,
              label: t(`register.mappings.statuses.${f}`),
            }))}
          />
          {decidable && (
            <Button
              type="primary"
              disabled={selectedRows.length === 0 || deciding}
              onClick={() => void run('CONFIRM', selectedRows)}
            >
              {t('register.mappings.confirmSelected', { count: selectedRows.length })}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Text type="secondary">{t('register.mappings.intro')}</Typography.Text>
      {readOnly && <Alert type="info" showIcon title={t('register.mappings.notLatest')} />}
      {body}
      <RejectMappingModal
        mapping={rejecting}
        deciding={deciding}
        onCancel={() => setRejecting(undefined)}
        onReject={async (reason) => {
          if (rejecting && (await run('REJECT', [rejecting], reason))) setRejecting(undefined);
        }}
      />
    </Flex>
  );
}

function RejectMappingModal({
  mapping,
  deciding,
  onCancel,
  onReject,
}: {
  mapping: DutyMapping | undefined;
  deciding: boolean;
  onCancel: () => void;
  onReject: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={!!mapping}
      title={t('register.mappings.rejectTitle')}
      okText={t('register.mappings.reject')}
      okButtonProps={{ danger: true, loading: deciding }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {mapping && (
        <Typography.Paragraph style={{ background: '#fffbe6', padding: 8 }}>
          {mapping.duty.text}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => onReject(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('register.mappings.rejectReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('register.mappings.rejectReasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('register.mappings.rejectPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
