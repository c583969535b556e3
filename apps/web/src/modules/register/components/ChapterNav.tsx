import { Badge, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../graphql/types';
import { regulationNumber } from '../../../utils/chineseNumerals';

export interface ChapterNavProps {
  chapters: Chapter[];
  current: number;
  counts: Map<number, number>;
  onSelect: (chapter: number) => void;
  onArticle: (article: number) => void;
}

/** Chapters (one shown at a time) with their articles as anchors. */
export function ChapterNav({ chapters, current, counts, onSelect, onArticle }: ChapterNavProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const chapter = chapters.find((c) => c.number === current);
  return (
    <nav aria-label={t('register.chapterNav')}>
      <Menu
        mode="inline"
        selectedKeys={[`chapter-${current}`]}
        style={{ borderInlineEnd: 'none' }}
        onClick={({ key }) => {
          const [kind, n] = key.split('-');
          if (kind === 'chapter') onSelect(Number(n));
          else onArticle(Number(n));
        }}
        items={chapters.map((c) => ({
          key: `chapter-${c.number}`,
          label: (
            <span title={c.title}>
              {t('register.chapterTitle', {
                n: regulationNumber(c.number, language),
                title: c.title,
              })}{' '}
              <Badge
                count={counts.get(c.number) ?? 0}
                showZero
                color={(counts.get(c.number) ?? 0) > 0 ? 'gold' : '#d9d9d9'}
                title={t('register.chapterCount', { count: counts.get(c.number) ?? 0 })}
              />
            </span>
          ),
        }))}
      />
      {chapter && (
        <Menu
          mode="inline"
          selectable={false}
          style={{ borderInlineEnd: 'none', maxHeight: 320, overflowY: 'auto' }}
          onClick={({ key }) => onArticle(Number(key.split('-')[1]))}
          items={chapter.articles.map((a) => ({
            key: `article-${a.number}`,
            label: `${t('register.article', { n: regulationNumber(a.number, language) })}${a.title ? ` ${a.title}` : ''}`,
          }))}
        />
      )}
    </nav>
  );
}
