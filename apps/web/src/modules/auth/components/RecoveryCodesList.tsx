import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface RecoveryCodesListProps {
  codes: readonly string[];
  /** For the downloaded file's header: the system and the account. */
  issuer: string;
  account: string;
}

/** The recovery codes, shown once: a list, copy to the clipboard, download as a text file. */
export function RecoveryCodesList({ codes, issuer, account }: RecoveryCodesListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = codes.join('\n');

  const copy = () => {
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) {
      void message.error(t('auth.secondFactor.recovery.copyFailed'));
      return;
    }
    clipboard.writeText(text).then(
      () => void message.success(t('auth.secondFactor.recovery.copied')),
      () => void message.error(t('auth.secondFactor.recovery.copyFailed')),
    );
  };

  const download = () => {
    const header = t('auth.secondFactor.recovery.fileHeader', { issuer, account });
    const blob = new Blob([`${header}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${account}-恢复码.txt`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };

  return (
    <Flex vertical gap="middle">
      <Alert type="warning" showIcon title={t('auth.secondFactor.recovery.notice')} />
      <ul
        aria-label={t('auth.secondFactor.recovery.listLabel')}
        style={{
          columns: 2,
          margin: 0,
          padding: '12px 16px',
          listStyle: 'none',
          background: 'rgba(0, 0, 0, 0.03)',
          borderRadius: 6,
        }}
      >
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code style={{ fontSize: 15 }}>
              {code}
            </Typography.Text>
          </li>
        ))}
      </ul>
      <Flex gap="small" wrap>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('auth.secondFactor.recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('auth.secondFactor.recovery.download')}
        </Button>
      </Flex>
    </Flex>
  );
}
