import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { brandColors } from '../../../theme/theme';
import { helpPath } from '../utils/help';

/** The header's ?: opens the help page at the signed-in role's guide. */
export function HelpButton() {
  const { t } = useTranslation();
  const { role } = useSignedInUser();
  const href = helpPath(role);
  return (
    <Tooltip title={t('help.buttonHint')}>
      <Button
        type="text"
        shape="circle"
        href={href}
        aria-label={t('help.button')}
        icon={<QuestionCircleOutlined style={{ fontSize: 18, color: brandColors.headerText }} />}
        style={{ color: brandColors.headerText }}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          navigate(href);
        }}
      />
    </Tooltip>
  );
}
