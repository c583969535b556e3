import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  BulletinDocument,
  BulletinGoodPracticeCandidatesDocument,
  BulletinPrefecturesDocument,
  BulletinsDocument,
  DeleteBulletinDraftDocument,
  GenerateBulletinDocument,
  PublishBulletinDocument,
  UpdateBulletinDraftDocument,
  type GenerateBulletinInput,
  type UpdateBulletinDraftInput,
} from '../../../graphql/generated/graphql';
import type { BulletinDetail, BulletinListItem, GoodPracticeCandidate } from '../graphql/types';

export function useBulletinList(cycleId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(BulletinsDocument, {
    variables: { filter: { cycleId } },
    skip: !cycleId,
    fetchPolicy: 'cache-and-network',
  });
  const bulletins: BulletinListItem[] = data?.bulletins ?? [];
  return {
    bulletins,
    loaded: !!data,
    loading,
    error: error ? toAppError(error) : undefined,
    retry: () => void refetch(),
  };
}

export function useBulletin(id: string) {
  const { data, loading, error, refetch } = useQuery(BulletinDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const bulletin: BulletinDetail | undefined = data?.bulletin;
  return {
    bulletin,
    loading,
    error: error ? toAppError(error) : undefined,
    retry: () => void refetch(),
  };
}

export function useGoodPracticeCandidates(cycleId: string | undefined, scopeUnitCode?: string) {
  const { data, loading } = useQuery(BulletinGoodPracticeCandidatesDocument, {
    variables: { cycleId: cycleId ?? '', scopeUnitCode },
    skip: !cycleId,
    fetchPolicy: 'cache-and-network',
  });
  const candidates: GoodPracticeCandidate[] = data?.bulletinGoodPracticeCandidates ?? [];
  return { candidates, loading };
}

export function usePrefectures(skip: boolean) {
  const { data } = useQuery(BulletinPrefecturesDocument, { skip });
  return data?.adminUnits ?? [];
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** generateBulletin, updateBulletinDraft, publishBulletin and deleteBulletinDraft. */
export function useBulletinActions() {
  const refetchQueries = ['Bulletins'];
  const [generateMutation, generating] = useMutation(GenerateBulletinDocument, { refetchQueries });
  const [updateMutation, updating] = useMutation(UpdateBulletinDraftDocument);
  const [publishMutation, publishing] = useMutation(PublishBulletinDocument, { refetchQueries });
  const [deleteMutation, deleting] = useMutation(DeleteBulletinDraftDocument, { refetchQueries });

  const generate = useCallback(
    (input: GenerateBulletinInput) =>
      attempt(
        async () => (await generateMutation({ variables: { input } })).data!.generateBulletin,
      ),
    [generateMutation],
  );
  const update = useCallback(
    (input: UpdateBulletinDraftInput) =>
      attempt(
        async () => (await updateMutation({ variables: { input } })).data!.updateBulletinDraft,
      ),
    [updateMutation],
  );
  const publish = useCallback(
    (b: { id: string; rowVersion: number }) =>
      attempt(
        async () =>
          (await publishMutation({ variables: { id: b.id, expectedRowVersion: b.rowVersion } }))
            .data!.publishBulletin,
      ),
    [publishMutation],
  );
  const remove = useCallback(
    (b: { id: string; rowVersion: number }) =>
      attempt(async () => {
        await deleteMutation({ variables: { id: b.id, expectedRowVersion: b.rowVersion } });
        return true;
      }),
    [deleteMutation],
  );
  return {
    generate,
    update,
    publish,
    remove,
    busy: generating.loading || updating.loading || publishing.loading || deleting.loading,
  };
}
