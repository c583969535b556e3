import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskLogUnitsDocument } from '../../../graphql/generated/graphql';
import { unitOptionGroups, type UnitOptionGroup } from '../../../utils/unitOptions';

/**
 * The unit filter's choices within the user's jurisdiction. A failure leaves the list empty
 * (a unit in the URL still filters), which never blocks the page.
 */
export function useTaskLogUnits(): { groups: UnitOptionGroup[]; loading: boolean } {
  const { t } = useTranslation();
  const { data, loading } = useQuery(TaskLogUnitsDocument);
  const groups = useMemo(
    () =>
      // No province choice: the API reads a province code as the province and the units
      // directly under it, and no choice already means the whole jurisdiction.
      unitOptionGroups(data?.adminUnits ?? [], {
        wholeLabel: (name) => t('taskLog.units.whole', { name }),
        directGroup: t('taskLog.units.directGroup'),
      }),
    [data, t],
  );
  return { groups, loading };
}
