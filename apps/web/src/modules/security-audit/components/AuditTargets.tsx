import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecurityAuditEntry } from '../graphql/types';

type Target = SecurityAuditEntry['targets'][number];

/** Short form of a long identifier (a session or task id, a hash): its first 8 characters. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/**
 * What an entry is about, readably: 用户 张明辉（恩施州市场监督管理局质量发展科）, 会话 1a2b3c4d…,
 * 考核年度 2026年度…; the stored identifier is in the tooltip.
 */
export function AuditTargets({ targets }: { targets: readonly Target[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      {targets.map((target, index) => (
        <span key={`${target.kind}-${index}`} title={target.id}>
          {target.kind === 'OTHER' ? (
            target.id
          ) : (
            <>
              <Typography.Text type="secondary">
                {t(`securityAudit.targetKinds.${target.kind}`)}
              </Typography.Text>{' '}
              {target.name ?? shortId(target.id)}
              {/* A user by name and office, and the account itself for the administrator. */}
              {target.kind === 'USER' && target.name && target.name !== target.id && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {target.id}
                </Typography.Text>
              )}
            </>
          )}
        </span>
      ))}
    </Flex>
  );
}
