import { Flex, Tag, theme, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  WorkbenchItemFieldsFragment,
  WorkbenchSectionKey,
} from '../../../graphql/generated/graphql';
import { formatDateTime, formatDay, formatRate } from '../../../utils/format';
import { personText } from '../../../components/PersonName';
import { AppLink } from '../../overview/components/AppLink';
import { dueState } from '../utils/days';

const COLOUR_TAGS: Record<string, string> = { BLUE: 'blue', ORANGE: 'orange', RED: 'red' };

export interface WorkbenchItemViewProps {
  item: WorkbenchItemFieldsFragment;
  section: WorkbenchSectionKey;
  /** Today (YYYY-MM-DD, Asia/Shanghai) as the API counted. */
  today: string;
}

/** One item of a workbench section: a link to the work and a line saying why it is here. */
export function WorkbenchItemView({ item, section, today }: WorkbenchItemViewProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const at = item.at ? formatDateTime(item.at, i18n.language) : '';
  const tags: React.ReactNode[] = [];
  if (item.kind === 'URGING_NOTICE' && item.colour) {
    tags.push(
      <Tag key="colour" color={COLOUR_TAGS[item.colour]}>
        {t(`workbench.colours.${item.colour as 'BLUE'}`)}
      </Tag>,
    );
  }
  if (item.kind === 'COMMENT' || item.kind === 'INSTRUCTION') {
    tags.push(
      <Tag key="kind" color={item.kind === 'INSTRUCTION' ? 'volcano' : undefined}>
        {t(`workbench.kinds.${item.kind}`)}
      </Tag>,
    );
  }
  return (
    <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }} data-testid="workbench-item">
      <Flex gap={6} align="center" wrap>
        {tags}
        {/* The link colour even once visited: the default visited shade is too pale (contrast). */}
        <AppLink
          to={item.link}
          data-testid="workbench-item-link"
          style={{ color: token.colorLink }}
        >
          {titleOf(item, t)}
        </AppLink>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {detailOf(item, section, today, at, t, i18n.language)}
      </Typography.Text>
    </Flex>
  );
}

function taskTitle(item: WorkbenchItemFieldsFragment, t: TFunction): string {
  const parts = [item.unitName];
  if (item.articleNumber) parts.push(t('workbench.item.article', { number: item.articleNumber }));
  if (item.dutySubject) parts.push(item.dutySubject);
  return parts.filter(Boolean).join(' · ');
}

function titleOf(item: WorkbenchItemFieldsFragment, t: TFunction): string {
  switch (item.kind) {
    case 'UNIT':
      return item.unitName ?? item.unitCode ?? '';
    case 'EVIDENCE_PACK':
      return t('workbench.item.pack', {
        cycle: item.note ?? '',
        unit: item.unitCode ? item.unitName : t('workbench.item.wholeProvince'),
        files: item.total ?? 0,
      });
    case 'STORAGE_CHECK':
    case 'CHAIN_BREAK':
      return t(`workbench.sections.INTEGRITY_PROBLEMS.title`);
    case 'URGING_NOTICE':
      return `${item.reference ?? ''} · ${taskTitle(item, t)}`;
    default:
      return taskTitle(item, t);
  }
}

function dueText(
  item: WorkbenchItemFieldsFragment,
  today: string,
  t: TFunction,
  language: string,
): string {
  if (!item.dueDate) return '';
  const state = dueState(item.dueDate, today);
  const when =
    state.kind === 'overdue'
      ? t('workbench.item.daysOverdue', { count: state.days })
      : state.kind === 'today'
        ? t('workbench.item.dueToday')
        : t('workbench.item.daysLeft', { count: state.days });
  return `${t('workbench.item.due', { date: formatDay(item.dueDate, language) })}（${when}）`;
}

function detailOf(
  item: WorkbenchItemFieldsFragment,
  section: WorkbenchSectionKey,
  today: string,
  at: string,
  t: TFunction,
  language: string,
): string {
  const day = (value: string | null | undefined) => (value ? formatDay(value, language) : '');
  const percent = (value: number | null | undefined) => formatRate(value ?? 0, language);
  const note = item.note ?? '';
  const by = t('workbench.item.requestedBy', {
    actor: personText(item.actorPerson, item.actor),
    at,
  });
  const lines: string[] = [];
  switch (item.kind) {
    case 'EXTENSION_REQUEST':
      lines.push(t('workbench.item.extension', { date: day(item.targetDate), reason: note }), by);
      break;
    case 'REASSIGNMENT_REQUEST':
      lines.push(
        t('workbench.item.reassignment', {
          from: item.departmentName ?? '',
          to: item.toDepartmentName ?? '',
          reason: note,
        }),
        by,
      );
      break;
    case 'NOT_APPLICABLE_REQUEST':
      lines.push(t('workbench.item.notApplicable', { reason: note }), by);
      break;
    case 'URGING_NOTICE':
      lines.push(
        item.acknowledged
          ? t('workbench.item.urgingAcknowledged')
          : t('workbench.item.urgingNotAcknowledged'),
        t('workbench.item.urging', {
          reference: item.reference ?? '',
          date: day(item.targetDate),
        }),
        note,
      );
      break;
    case 'COMMENT':
    case 'INSTRUCTION':
      lines.push(
        t('workbench.item.comment', {
          actor: personText(item.actorPerson, item.actor),
          body: note,
        }),
      );
      break;
    case 'UNIT':
      lines.push(
        t('workbench.item.unitBehind', {
          rate: percent(item.completionRate),
          expected: percent(item.expected),
          verified: item.verified ?? 0,
          total: item.total ?? 0,
        }),
      );
      break;
    case 'EVIDENCE_PACK':
      lines.push(t('workbench.item.packedAt', { at }));
      break;
    case 'CORRUPT_EVIDENCE':
      lines.push(t('workbench.item.corruptEvidence', { name: note, at }));
      break;
    case 'STORAGE_CHECK':
      lines.push(t('workbench.item.storageCheck', { count: item.total ?? 0, at }));
      break;
    case 'CHAIN_BREAK':
      lines.push(t('workbench.item.chainBreak', { table: note, at }));
      break;
    default:
      if (section === 'RETURNED_TASKS') {
        lines.push(
          note
            ? t('workbench.item.returnedBy', {
                actor: personText(item.actorPerson, item.actor),
                reason: note,
              })
            : t('workbench.item.returnedNoReason'),
        );
      } else if (section === 'REVIEW_QUEUE') {
        lines.push(
          t('workbench.item.submittedAt', { actor: personText(item.actorPerson, item.actor), at }),
        );
      }
      if (item.departmentName) lines.push(item.departmentName);
      lines.push(dueText(item, today, t, language));
  }
  return lines.filter(Boolean).join(t('workbench.item.separator'));
}
