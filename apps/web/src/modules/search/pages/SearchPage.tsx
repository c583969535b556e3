import { Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { TaskStatusTag } from '../../tasks/components/TaskStatusTag';
import {
  useSystemSearch,
  type FoundDuty,
  type FoundTask,
  type FoundUnit,
  type Section,
} from '../hooks/useSystemSearch';
import { MAX_SEARCH_LENGTH, searchScope, searchUrl } from '../utils/searchScope';

/** A link that works as one (new tab, copy) and moves inside the app on a plain click. */
function AppLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Typography.Link
      href={href}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </Typography.Link>
  );
}

/** The page's own box; keyed by the search in the address, so it shows what was searched. */
function SearchBox({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <Input.Search
      aria-label={t('search.pageBox')}
      placeholder={t('search.placeholder')}
      enterButton={t('search.submit')}
      allowClear
      value={text}
      maxLength={MAX_SEARCH_LENGTH}
      onChange={(event) => setText(event.target.value)}
      onSearch={(value) => navigate(searchUrl(value))}
      style={{ maxWidth: 560 }}
    />
  );
}

const firstLine = (text: string) => (text.split(/\r?\n/).find((l) => l.trim()) ?? '').trim();

/** /search?q=…: tasks, duties and units matching the words, each linking to its page. */
export function SearchPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const params = useLocationSearch();
  const query = (params.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH);
  const scope = searchScope(user.role);
  const cycles = useCycles(undefined);
  const cycle = scope.tasks ? cycles.cycle : undefined;
  const found = useSystemSearch(query, cycle?.id, scope);

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('search.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {scope.tasks ? t('search.hint') : t('search.hintDutiesOnly')}
        </Typography.Paragraph>
        <SearchBox key={query} initial={query} />
      </div>
      {!query.trim() ? (
        <Empty description={t('search.empty')} />
      ) : (
        <>
          {scope.tasks && (
            <ResultCard
              title={
                cycle
                  ? t('search.tasks.titleInCycle', { year: cycle.year })
                  : t('search.tasks.title')
              }
              section={found.tasks}
              waiting={cycles.loading && !cycle}
              more={
                cycle && found.tasks.totalCount > found.tasks.items.length ? (
                  <AppLink
                    href={`/tasks?cycleId=${encodeURIComponent(cycle.id)}&search=${encodeURIComponent(query.trim())}`}
                  >
                    {t('search.tasks.all', { count: found.tasks.totalCount })}
                  </AppLink>
                ) : undefined
              }
              render={(task: FoundTask) => (
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <span>
                    <AppLink href={`/tasks/${encodeURIComponent(task.id)}`}>
                      {task.unit.name} {t('search.article', { number: task.article.number })}{' '}
                      {task.duty.subject}
                    </AppLink>{' '}
                    <TaskStatusTag status={task.status} />
                  </span>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {task.leadDepartment.name} · {firstLine(task.duty.text)}
                  </Typography.Text>
                </Flex>
              )}
            />
          )}
          {scope.duties && (
            <ResultCard
              title={t('search.duties.title')}
              section={found.duties}
              render={(duty: FoundDuty) => {
                const href = duty.regulationCode
                  ? `/regulations/${encodeURIComponent(duty.regulationCode)}?chapter=${duty.article.chapter.number}`
                  : '/regulations';
                return (
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <span>
                      <AppLink href={href}>
                        {duty.version.title} {t('search.article', { number: duty.article.number })}{' '}
                        {duty.subject}
                      </AppLink>{' '}
                      {!duty.tracked && <Tag>{t('search.duties.untracked')}</Tag>}
                    </span>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {firstLine(duty.text)}
                    </Typography.Text>
                  </Flex>
                );
              }}
            />
          )}
          {scope.units && (
            <ResultCard
              title={t('search.units.title')}
              section={found.units}
              render={(unit: FoundUnit) => (
                <span>
                  <AppLink href={`/units/${encodeURIComponent(unit.code)}`}>{unit.name}</AppLink>{' '}
                  <Typography.Text type="secondary">
                    {t(`search.units.level.${unit.level}`, { defaultValue: '' })}
                  </Typography.Text>
                </span>
              )}
            />
          )}
        </>
      )}
    </Flex>
  );
}

function ResultCard<T extends { id?: string; code?: string }>({
  title,
  section,
  render,
  more,
  waiting = false,
}: {
  title: string;
  section: Section<T>;
  render: (item: T) => React.ReactNode;
  more?: React.ReactNode;
  waiting?: boolean;
}) {
  const { t } = useTranslation();
  let body: React.ReactNode;
  if (section.error && !section.loading) {
    body = <QueryErrorAlert error={section.error} onRetry={section.retry} />;
  } else if (waiting || (section.loading && section.items.length === 0)) {
    body = <PageLoading rows={3} />;
  } else if (section.items.length === 0) {
    body = <Typography.Text type="secondary">{t('search.none')}</Typography.Text>;
  } else {
    body = (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {section.items.map((item) => (
          <li
            key={item.id ?? item.code}
            style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            {render(item)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Card
      size="small"
      title={
        <Flex gap="small" align="baseline">
          <span>{title}</span>
          {!section.loading && !section.error && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('search.count', { count: section.totalCount })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={more}
    >
      {body}
    </Card>
  );
}
