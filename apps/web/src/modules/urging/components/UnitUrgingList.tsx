import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { UrgingNoticesDocument, type UrgingNoticeState } from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { useUrgingActions } from '../hooks/useUrgingActions';
import type { UrgingNotice } from '../utils/notice';
import { AnswerNoticeModal } from './AnswerNoticeModal';
import { NoticeTable } from './NoticeTable';

const STATES: UrgingNoticeState[] = ['OPEN', 'UNACKNOWLEDGED', 'UNANSWERED', 'CLOSED', 'ALL'];
const PAGE_SIZE = 10;

/** 督办单 of one unit in a cycle (unit page), filtered by state, paged on the server. */
export function UnitUrgingList({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<UrgingNoticeState>('OPEN');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<UrgingNotice>();
  const query = useAppQuery(UrgingNoticesDocument, {
    filter: { cycleId, unitCode, state },
    page: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  });
  const actions = useUrgingActions(query.retry);
  return (
    <Card
      size="small"
      title={t('urging.unitList.title')}
      data-testid="unit-urging-list"
      extra={
        <Segmented<UrgingNoticeState>
          size="small"
          value={state}
          onChange={(value) => {
            setState(value);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: t(`urging.states.${s}`) }))}
        />
      }
    >
      {query.error && !query.loading ? (
        <QueryErrorAlert error={query.error} onRetry={query.retry} />
      ) : (
        <NoticeTable
          notices={query.data?.urgingNotices.items ?? []}
          total={query.data?.urgingNotices.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          loading={query.loading}
          onPage={setPage}
          acknowledging={actions.acknowledging}
          acknowledge={actions.acknowledge}
          onAnswer={setAnswering}
        />
      )}
      <AnswerNoticeModal
        notice={answering}
        answering={actions.answering}
        answer={actions.answer}
        onClose={() => setAnswering(undefined)}
      />
    </Card>
  );
}
