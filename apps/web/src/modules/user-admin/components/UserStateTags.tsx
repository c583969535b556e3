import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { UserAccount } from '../graphql/types';
import { userStateFlags } from '../utils/userState';

/** 正常 / 已停用 / 已锁定至… / 需修改密码. */
export function UserStateTags({ user }: { user: UserAccount }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const flags = userStateFlags(user);
  const secondFactor = (
    <>
      {user.totpEnabled && <Tag color="blue">{t('userAdmin.secondFactor.tag')}</Tag>}
      {user.breakGlass && <Tag color="purple">{t('userAdmin.singleSignOn.tag')}</Tag>}
    </>
  );
  if (flags.length === 0) {
    return (
      <Flex wrap gap={4}>
        <Tag color="green">{t('userAdmin.state.normal')}</Tag>
        {secondFactor}
      </Flex>
    );
  }
  return (
    <Flex wrap gap={4}>
      {flags.map((flag) => {
        switch (flag.kind) {
          case 'disabled':
            return <Tag key={flag.kind}>{t('userAdmin.state.disabled')}</Tag>;
          case 'locked':
            return (
              <Tag key={flag.kind} color="orange">
                {t('userAdmin.state.lockedUntil', {
                  time: flag.until ? formatDateTime(flag.until, language) : '',
                })}
              </Tag>
            );
          case 'mustChangePassword':
            return (
              <Tag key={flag.kind} color="gold">
                {t('userAdmin.state.mustChangePassword')}
              </Tag>
            );
        }
      })}
      {secondFactor}
    </Flex>
  );
}
