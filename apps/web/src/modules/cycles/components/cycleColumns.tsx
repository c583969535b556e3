import { Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { formatDay } from '../../../utils/format';
import { cycleTasksPath } from '../../register/components/OpenCycleModal';

/** What a cycle table shows of a cycle (the `cycles` root field's fields). */
export interface CycleRow {
  id: string;
  title: string;
  year: number;
  state: string;
  startDate: string;
  dueDate: string;
  regulationVersionId: string;
  regulationTitle: string;
  taskCount: number;
  /** The province the cycle is for (one deployment may hold several). */
  province?: { name: string } | null;
}

export type CycleColumnKey =
  | 'title'
  | 'province'
  | 'regulation'
  | 'version'
  | 'year'
  | 'period'
  | 'dueDate'
  | 'state'
  | 'tasks';

/**
 * Whether a list of cycles spans several provinces: only then does a table name each cycle's
 * province (a reader of one province sees only its cycles).
 */
export const spansProvinces = (cycles: ReadonlyArray<{ provinceCode?: string | null }>) =>
  new Set(cycles.map((c) => c.provinceCode ?? '')).size > 1;

/**
 * The columns of a table of assessment cycles, in the order of `keys`, the same on the
 * 考核年度管理 page and on a regulation's register: the title opens the cycle's tasks, the
 * version is named by its number (`versionNumber`), days in the long form of the format rule,
 * the state as a tag, task counts grouped. Callers append their own action column.
 */
export function useCycleColumns<T extends CycleRow>(
  keys: readonly CycleColumnKey[],
  versionNumber: (versionId: string) => number | undefined,
): NonNullable<TableProps<T>['columns']> {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const number = new Intl.NumberFormat(language);
  const all: Record<CycleColumnKey, NonNullable<TableProps<T>['columns']>[number]> = {
    title: {
      key: 'title',
      title: t('cycles.columns.title'),
      render: (_, c) => (
        <Typography.Link
          href={cycleTasksPath(c.id)}
          onClick={(event) => {
            event.preventDefault();
            navigate(cycleTasksPath(c.id));
          }}
        >
          {c.title}
        </Typography.Link>
      ),
    },
    province: {
      key: 'province',
      title: t('cycles.columns.province'),
      render: (_, c) => c.province?.name ?? '—',
    },
    regulation: {
      key: 'regulation',
      title: t('cycles.columns.regulation'),
      dataIndex: 'regulationTitle',
    },
    version: {
      key: 'version',
      title: t('cycles.columns.version'),
      render: (_, c) => {
        const n = versionNumber(c.regulationVersionId);
        return n === undefined ? '—' : t('cycles.versionNumber', { number: n });
      },
    },
    year: { key: 'year', title: t('cycles.columns.year'), dataIndex: 'year' },
    period: {
      key: 'period',
      title: t('cycles.columns.period'),
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('cycles.period', {
            start: formatDay(c.startDate, language),
            due: formatDay(c.dueDate, language),
          })}
        </span>
      ),
    },
    dueDate: {
      key: 'dueDate',
      title: t('cycles.columns.dueDate'),
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDay(c.dueDate, language)}</span>
      ),
    },
    state: {
      key: 'state',
      title: t('cycles.columns.state'),
      render: (_, c) => (
        <Tag color={c.state === 'open' ? 'processing' : 'default'}>
          {c.state === 'open' || c.state === 'closed' ? t(`common.cycle.${c.state}`) : c.state}
        </Tag>
      ),
    },
    tasks: {
      key: 'tasks',
      title: t('cycles.columns.tasks'),
      align: 'right',
      render: (_, c) => number.format(c.taskCount),
    },
  };
  return keys.map((key) => all[key]);
}
