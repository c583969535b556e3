import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownRole } from '../utils/roles';

/** `(role) => label`: the localized role name, the raw value for an unknown role. */
export function useRoleLabel(): (role: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (role) => {
      if (!role) return t('account.noRole');
      return isKnownRole(role) ? t(`roles.${role}`) : role;
    },
    [t],
  );
}
