import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG_COLOURS, type UrgingColour } from '../utils/notice';

/** 蓝色督办单 / 橙色督办单 / 红色督办单 as a coloured tag. */
export function UrgingColourTag({ colour }: { colour: UrgingColour }) {
  const { t } = useTranslation();
  return (
    <Tag color={TAG_COLOURS[colour]} style={{ marginInlineEnd: 0 }}>
      {t('urging.colourNotice', { colour: t(`urging.colours.${colour}`) })}
    </Tag>
  );
}
