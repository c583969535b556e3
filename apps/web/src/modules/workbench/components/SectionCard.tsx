import { Badge, Card, Empty, Flex, List, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  WorkbenchItemFieldsFragment,
  WorkbenchSectionKey,
} from '../../../graphql/generated/graphql';
import { AppLink } from '../../overview/components/AppLink';
import { isUrgentSection } from '../utils/sections';
import { WorkbenchItemView } from './WorkbenchItemView';

export interface SectionCardProps {
  section: {
    key: WorkbenchSectionKey;
    count: number;
    link: string;
    items: readonly WorkbenchItemFieldsFragment[];
  };
  today: string;
}

/** One section of the workbench: title with the count, the first items, a link to all of them. */
export function SectionCard({ section, today }: SectionCardProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const title = t(`workbench.sections.${section.key}.title`);
  const urgent = isUrgentSection(section.key) && section.count > 0;
  const hidden = section.count - section.items.length;
  return (
    <Card
      size="small"
      data-section={section.key}
      title={
        <Flex align="center" gap={8}>
          <span>{title}</span>
          <span data-testid="section-count" data-count={section.count}>
            <Badge
              count={section.count}
              showZero
              overflowCount={9999}
              color={urgent ? 'red' : section.count > 0 ? 'blue' : '#bfbfbf'}
            />
          </span>
        </Flex>
      }
      extra={
        <AppLink to={section.link} data-testid="section-link" style={{ color: token.colorLink }}>
          {section.count > 0
            ? t('workbench.viewAll', { count: section.count })
            : t('workbench.openList')}
        </AppLink>
      }
      styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}
    >
      {section.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(`workbench.sections.${section.key}.empty`)}
          style={{ marginBlock: 12 }}
        />
      ) : (
        <List
          size="small"
          dataSource={section.items as WorkbenchItemFieldsFragment[]}
          rowKey={(item) => item.id}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <WorkbenchItemView item={item} section={section.key} today={today} />
            </List.Item>
          )}
          footer={
            hidden > 0 ? (
              <Typography.Text type="secondary">
                {t('workbench.more', { count: hidden })}
              </Typography.Text>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
