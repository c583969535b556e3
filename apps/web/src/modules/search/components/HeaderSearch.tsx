import { SearchOutlined } from '@ant-design/icons';
import { Button, Grid, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { brandColors } from '../../../theme/theme';
import { canSearch, MAX_SEARCH_LENGTH, searchUrl } from '../utils/searchScope';

/**
 * The top bar's search box: Enter opens the results page (tasks, duties, units); on a narrow
 * screen an icon that opens that page.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const { role } = useSignedInUser();
  const [text, setText] = useState('');
  const screens = Grid.useBreakpoint();
  if (!canSearch(role)) return null;
  // A narrow top bar has no room for the box: an icon opens the search page instead.
  if (!screens.md) {
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.box')}
        onClick={() => navigate('/search')}
        style={{ color: brandColors.headerText }}
      />
    );
  }
  return (
    <div role="search" style={{ display: 'flex', alignItems: 'center' }}>
      <Input.Search
        aria-label={t('search.box')}
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => {
          if (!value.trim()) return;
          navigate(searchUrl(value));
          setText('');
        }}
        style={{ width: 240, maxWidth: '40vw' }}
      />
    </div>
  );
}
