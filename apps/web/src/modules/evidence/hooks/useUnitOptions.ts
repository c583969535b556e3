import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceUnitsDocument } from '../../../graphql/generated/graphql';
import { unitOptionGroups, type UnitOptionGroup } from '../../../utils/unitOptions';

/**
 * The units of the user's jurisdiction as grouped select options. A failure leaves the list
 * empty (the select then only offers “all units”), which never blocks the page.
 */
export function useUnitOptions(): { groups: UnitOptionGroup[]; loading: boolean } {
  const { t } = useTranslation();
  const { data, loading } = useQuery(EvidenceUnitsDocument);
  const groups = useMemo(
    () =>
      unitOptionGroups(data?.adminUnits ?? [], {
        wholeLabel: (name) => t('evidence.units.whole', { name }),
        directGroup: t('evidence.units.directGroup'),
        province: {
          group: t('evidence.units.provinceGroup'),
          ownLabel: (name) => t('evidence.units.own', { name }),
        },
      }),
    [data, t],
  );
  return { groups, loading };
}
