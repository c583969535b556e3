import { Button, Empty, Flex, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GoodPracticeCandidate, GoodPracticePick } from '../graphql/types';
import { MAX_GOOD_PRACTICES } from '../graphql/types';

export interface GoodPracticePickerProps {
  candidates: readonly GoodPracticeCandidate[];
  loading?: boolean;
  /** Names of picks no longer among the candidates (a saved draft's). */
  known?: ReadonlyMap<string, string>;
  value?: GoodPracticePick[];
  onChange?: (value: GoodPracticePick[]) => void;
}

/** Picks verified tasks as 典型做法, each with the supervisor's short comment. */
export function GoodPracticePicker({
  candidates,
  loading,
  known,
  value = [],
  onChange,
}: GoodPracticePickerProps) {
  const { t } = useTranslation();
  const label = (c: GoodPracticeCandidate) =>
    t('bulletins.detail.goodPractice', {
      unit: c.unitName,
      article: c.article,
      subject: c.subject,
    });
  const byId = new Map(candidates.map((c) => [c.taskId, c]));
  const picked = new Set(value.map((v) => v.taskId));
  const set = (next: GoodPracticePick[]) => onChange?.(next);
  return (
    <Flex vertical gap="small">
      <Typography.Text type="secondary">
        {t('bulletins.form.goodPracticesHelp', { max: MAX_GOOD_PRACTICES })}
      </Typography.Text>
      {value.map((pick, i) => {
        const c = byId.get(pick.taskId);
        return (
          <Flex
            key={pick.taskId}
            vertical
            gap={4}
            style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 8 }}
          >
            <Flex justify="space-between" align="center" gap="small">
              <Typography.Text strong>
                {c ? label(c) : (known?.get(pick.taskId) ?? pick.taskId)}
              </Typography.Text>
              <Button
                size="small"
                type="link"
                danger
                onClick={() => set(value.filter((_, j) => j !== i))}
              >
                {t('bulletins.form.remove')}
              </Button>
            </Flex>
            <Input
              aria-label={t('bulletins.form.comment')}
              value={pick.comment}
              maxLength={300}
              status={pick.comment.trim() ? undefined : 'warning'}
              placeholder={t('bulletins.form.commentPlaceholder')}
              onChange={(e) =>
                set(value.map((v, j) => (j === i ? { ...v, comment: e.target.value } : v)))
              }
            />
          </Flex>
        );
      })}
      {value.length < MAX_GOOD_PRACTICES && (
        <Select
          showSearch
          allowClear
          loading={loading}
          value={null}
          placeholder={t('bulletins.form.pickTask')}
          aria-label={t('bulletins.form.pickTask')}
          notFoundContent={
            <Empty
              description={t('bulletins.form.noCandidates')}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          }
          optionFilterProp="label"
          options={candidates
            .filter((c) => !picked.has(c.taskId))
            .map((c) => ({ value: c.taskId, label: label(c) }))}
          onChange={(taskId: string | null) => {
            if (taskId) set([...value, { taskId, comment: '' }]);
          }}
        />
      )}
    </Flex>
  );
}
