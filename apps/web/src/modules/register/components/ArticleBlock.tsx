import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article, Duty } from '../graphql/types';
import { regulationNumber } from '../../../utils/chineseNumerals';
import { DutyCard } from './DutyCard';
import { HighlightedText } from './HighlightedText';

export interface ArticleBlockProps {
  article: Article;
  isActive: (duty: Duty) => boolean;
  onReview?: (duty: Duty) => void;
}

const byPosition = (a: Duty, b: Duty) => a.itemNumber - b.itemNumber || a.sequence - b.sequence;

/** One article (条): its paragraphs (款) and items (项) with the duties they state. */
export function ArticleBlock({ article, isActive, onReview }: ArticleBlockProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const ordered = article.paragraphs.flatMap((p) => [...p.duties].sort(byPosition));
  const numbers = new Map(ordered.map((d, i) => [d.id, i + 1]));
  const numberOf = (d: Duty) => numbers.get(d.id) ?? 0;
  const cards = (duties: Duty[]) =>
    duties
      .filter(isActive)
      .map((d) => <DutyCard key={d.id} duty={d} number={numberOf(d)} onReview={onReview} />);

  return (
    <article id={`article-${article.number}`} style={{ scrollMarginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('register.article', { n: regulationNumber(article.number, language) })}
        {article.title ? `【${article.title}】` : ''}
      </Typography.Title>
      <Flex vertical gap="small">
        {article.paragraphs.map((p) => {
          const own = p.duties.filter((d) => d.itemNumber === 0).sort(byPosition);
          return (
            <Flex key={p.id} vertical gap={6}>
              <Typography.Paragraph style={{ marginBottom: 0, textIndent: '2em', lineHeight: 1.9 }}>
                <HighlightedText
                  text={p.text}
                  duties={own}
                  isActive={isActive}
                  numberOf={numberOf}
                />
              </Typography.Paragraph>
              {cards(own)}
              {p.items.map((item) => {
                const itemDuties = p.duties
                  .filter((d) => d.itemNumber === item.number)
                  .sort(byPosition);
                return (
                  <Flex key={item.id} vertical gap={6} style={{ paddingInlineStart: '2em' }}>
                    <Typography.Paragraph style={{ marginBottom: 0, lineHeight: 1.9 }}>
                      <HighlightedText
                        text={item.text}
                        duties={itemDuties}
                        isActive={isActive}
                        numberOf={numberOf}
                      />
                    </Typography.Paragraph>
                    {cards(itemDuties)}
                  </Flex>
                );
              })}
            </Flex>
          );
        })}
      </Flex>
    </article>
  );
}
