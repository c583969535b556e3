import { Col, Empty, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind, Duty, RegulationText } from '../graphql/types';
import { regulationNumber } from '../../../utils/chineseNumerals';
import {
  EMPTY_FILTER,
  dutyMatches,
  isFilterActive,
  matchCounts,
  type DutyFilter,
} from '../utils/dutyFilter';
import { ArticleBlock } from './ArticleBlock';
import { ChapterNav } from './ChapterNav';
import { RegisterFilters } from './RegisterFilters';

export interface RegulationTextPanelProps {
  text: RegulationText;
  departmentKinds: DepartmentKind[];
  chapter: number | undefined;
  onChapter: (chapter: number) => void;
  onReview?: (duty: Duty) => void;
}

/** The regulation text one chapter at a time, duties highlighted, with filters and navigation. */
export function RegulationTextPanel({
  text,
  departmentKinds,
  chapter,
  onChapter,
  onReview,
}: RegulationTextPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [filter, setFilter] = useState<DutyFilter>(EMPTY_FILTER);
  const filtering = isFilterActive(filter);
  const counts = useMemo(() => matchCounts(text.chapters, filter), [text.chapters, filter]);
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const current =
    text.chapters.find((c) => c.number === chapter) ??
    // While filtering, open the first chapter that has matches.
    (filtering ? text.chapters.find((c) => (counts.get(c.number) ?? 0) > 0) : undefined) ??
    text.chapters[0];
  const isActive = (duty: Duty) => dutyMatches(duty, filter);
  const articles = (current?.articles ?? []).filter(
    (a) => !filtering || a.paragraphs.some((p) => p.duties.some(isActive)),
  );

  const scrollToArticle = (n: number) =>
    document.getElementById(`article-${n}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  return (
    <Flex vertical gap="middle">
      <RegisterFilters
        value={filter}
        onChange={setFilter}
        departmentKinds={departmentKinds}
        matches={total}
      />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <div style={{ position: 'sticky', top: 0 }}>
            <ChapterNav
              chapters={text.chapters}
              current={current?.number ?? 0}
              counts={counts}
              onSelect={onChapter}
              onArticle={scrollToArticle}
            />
          </div>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          {current && (
            <Flex vertical gap="large">
              <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
                {t('register.chapterTitle', {
                  n: regulationNumber(current.number, language),
                  title: current.title,
                })}
              </Typography.Title>
              {articles.length === 0 ? (
                <Empty description={t('register.noDutiesInChapter')} />
              ) : (
                articles.map((a) => (
                  <ArticleBlock key={a.id} article={a} isActive={isActive} onReview={onReview} />
                ))
              )}
            </Flex>
          )}
        </Col>
      </Row>
    </Flex>
  );
}
