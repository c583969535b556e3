import { Card, Col, Empty, Flex, Input, Row, Tag, Typography } from 'antd';
import { useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignedInUserContext } from '../../auth/hooks/signedInUser';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import { helpContentEn } from '../content/en-US';
import { helpContentZh } from '../content/zh-CN';
import { guideAnchor, orderGuides, searchGlossary } from '../utils/help';

/**
 * 帮助: the glossary and a short guide per role, the signed-in user's role first. Also shown
 * signed out (the sign-in page links to it): then every guide in its order and no role.
 */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const role = useContext(SignedInUserContext)?.role ?? null;
  const content = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh')
    ? helpContentZh
    : helpContentEn;
  const [query, setQuery] = useState('');
  const guides = useMemo(() => orderGuides(content.guides, role), [content, role]);
  const terms = useMemo(() => searchGlossary(content.glossary, query), [content, query]);

  // Opened as /help#guide-<ROLE> from the header: show that section.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('help.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('help.subtitle')}</Typography.Text>
      </div>
      {role && (
        <Card size="small">
          <Flex gap="middle" wrap align="center">
            <Typography.Text strong>
              {t('help.yourRole', { role: roleLabel(role) })}
            </Typography.Text>
            <Typography.Link href={`#${guideAnchor(role)}`}>
              {t('help.toYourGuide', { role: roleLabel(role) })}
            </Typography.Link>
            <Typography.Link href="#glossary">{t('help.glossaryTitle')}</Typography.Link>
          </Flex>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <section aria-labelledby="help-guides">
            <Typography.Title level={4} id="help-guides">
              {t('help.guidesTitle')}
            </Typography.Title>
            <Flex vertical gap="middle">
              {guides.map((guide) => (
                <Card
                  key={guide.role}
                  id={guideAnchor(guide.role)}
                  size="small"
                  title={
                    <Flex gap="small" align="center">
                      <span>{roleLabel(guide.role)}</span>
                      {guide.role === role && <Tag color="blue">{t('help.yourGuideTag')}</Tag>}
                    </Flex>
                  }
                  style={guide.role === role ? { borderColor: '#1677ff' } : undefined}
                  data-guide={guide.role}
                >
                  <Typography.Paragraph>{guide.summary}</Typography.Paragraph>
                  <Typography.Text strong>{t('help.firstSteps')}</Typography.Text>
                  <ol style={{ paddingInlineStart: 20, marginTop: 4 }}>
                    {guide.firstSteps.map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                  <Typography.Text strong>{t('help.whereThings')}</Typography.Text>
                  <ul style={{ paddingInlineStart: 20, marginTop: 4, marginBottom: 0 }}>
                    {guide.where.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </Card>
              ))}
            </Flex>
          </section>
        </Col>
        <Col xs={24} xl={14}>
          <section aria-labelledby="glossary">
            <Typography.Title level={4} id="glossary">
              {t('help.glossaryTitle')}
            </Typography.Title>
            <Input.Search
              allowClear
              placeholder={t('help.glossarySearch')}
              aria-label={t('help.glossarySearch')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              style={{ maxWidth: 360, marginBottom: 12 }}
            />
            {terms.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('help.glossaryEmpty')} />
            ) : (
              <Card size="small">
                <dl style={{ margin: 0 }}>
                  {terms.map((entry) => (
                    <div
                      key={entry.term}
                      data-glossary-term={entry.term}
                      style={{ marginBottom: 12 }}
                    >
                      <dt style={{ fontWeight: 600 }}>
                        {entry.term}
                        {entry.aka && (
                          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                            {'  '}
                            {entry.aka}
                          </Typography.Text>
                        )}
                      </dt>
                      <dd style={{ margin: '2px 0 0' }}>{entry.definition}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            )}
          </section>
        </Col>
      </Row>
    </Flex>
  );
}
