import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { ApiTokenTable } from '../components/ApiTokenTable';
import { IssueApiTokenModal } from '../components/IssueApiTokenModal';
import { IssuedTokenModal, type IssuedToken } from '../components/IssuedTokenModal';
import { useApiTokens } from '../hooks/useApiTokens';

/** 机器访问令牌: the security administrator lists, issues and revokes machine API tokens. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { tokens, loading, error, retry, issue, issuing, revoke } = useApiTokens();
  const [formOpen, setFormOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('apiTokens.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('apiTokens.subtitle')}
        </Typography.Paragraph>
      </div>
      <Card>
        <Flex vertical gap="middle">
          <Flex justify="end">
            <Button type="primary" onClick={() => setFormOpen(true)}>
              {t('apiTokens.issue')}
            </Button>
          </Flex>
          {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
          <ApiTokenTable
            tokens={tokens}
            loading={loading}
            onRevoke={async (token) => {
              try {
                await revoke(token.id);
                void message.success(t('apiTokens.revoke.done', { name: token.name }));
              } catch (thrown) {
                void message.error(errorText(toAppError(thrown)));
              }
            }}
          />
        </Flex>
      </Card>
      <IssueApiTokenModal
        open={formOpen}
        submitting={issuing}
        onCancel={() => setFormOpen(false)}
        onSubmit={async (input) => {
          const answer = await issue(input);
          setFormOpen(false);
          setIssued({ name: answer.apiToken.name, token: answer.token });
        }}
      />
      <IssuedTokenModal value={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}
