import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../graphql/types';

/** The article the duty comes from (paragraph by paragraph, the duty's own highlighted) and the duty. */
export function ArticlePanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { article, duty } = task;
  const highlight = { background: '#fffbe6', borderLeft: '3px solid #faad14', paddingLeft: 8 };
  return (
    <Card title={t('tasks.article.title')}>
      <Flex vertical gap="middle">
        {/* One column beside the task (xl: a third of the page), where two would squeeze the
            labels to one character per line; two where the panel spans the page. */}
        <Descriptions column={{ xs: 1, md: 2, xl: 1 }} size="small" bordered>
          <Descriptions.Item label={t('tasks.article.subject')} span="filled">
            {duty.subject}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.article.actor')}>{duty.actorText}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.article.modality')}>
            {t(`tasks.article.modalities.${duty.modality}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.article.dutyText')} span="filled">
            {duty.text}
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Text type="secondary">
            {t('tasks.article.chapter', {
              number: article.chapter.number,
              title: article.chapter.title,
            })}
          </Typography.Text>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {t('tasks.articleNumber', { number: article.number })}
            {article.title ? ` 【${article.title}】` : ''}
          </Typography.Title>
          {article.paragraphs.map((paragraph) => {
            const own = paragraph.number === duty.paragraphNumber;
            return (
              <div
                key={paragraph.id}
                style={own && duty.itemNumber === 0 ? highlight : undefined}
                aria-label={own ? t('tasks.article.dutyParagraph') : undefined}
              >
                <Typography.Paragraph style={{ marginBottom: paragraph.items.length ? 4 : 12 }}>
                  {paragraph.text}
                </Typography.Paragraph>
                {paragraph.items.map((item) => (
                  <Typography.Paragraph
                    key={item.id}
                    style={{
                      marginBottom: 4,
                      paddingLeft: 16,
                      ...(own && item.number === duty.itemNumber ? highlight : {}),
                    }}
                  >
                    {item.text}
                  </Typography.Paragraph>
                ))}
              </div>
            );
          })}
        </div>
      </Flex>
    </Card>
  );
}
