import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import { formatDate, formatNumber, formatPercent } from '../utils/format';
import { regulationNumber } from '../../../utils/chineseNumerals';

/** Number, percentage, date and chapter/article formatting in the current UI language. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(
    () => ({
      language,
      percent: (rate: number) => formatPercent(rate, language),
      number: (value: number) => formatNumber(value, language),
      /** 2026年12月31日 in tables and prose alike (the rule: utils/format). */
      date: (date: string) => formatDate(date, language),
      shortDate: (date: string) => formatDate(date, language, 'short'),
      dateTime: (value: string) => formatDateTime(value, language),
      /** 第二章 / Chapter 2 */
      chapter: (n: number) => t('overview.chapterLabel', { number: regulationNumber(n, language) }),
      /** 第四十条 / Article 40 */
      article: (n: number) => t('overview.articleLabel', { number: regulationNumber(n, language) }),
    }),
    [language, t],
  );
}
