import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskLogUnitsDocument } from '../../../graphql/generated/graphql';
import { unitChoiceGroups, type UnitChoiceGroup } from '../utils/unitChoices';

/**
 * The unit filter's choices within the user's jurisdiction. A failure leaves the list empty
 * (a unit in the URL still filters), which never blocks the page.
 */
export function useTaskLogUnits(): { groups: UnitChoiceGroup[]; loading: boolean } {
  const { t } = useTranslation();
  const { data, loading } = useQuery(TaskLogUnitsDocument);
  const groups = useMemo(
    () =>
      unitChoiceGroups(data?.adminUnits ?? [], {
        whole: ({ name }) => t('taskLog.units.whole', { name }),
        one: ({ name, code }) => t('taskLog.units.option', { name, code }),
        directGroup: t('taskLog.units.directGroup'),
      }),
    [data, t],
  );
  return { groups, loading };
}
