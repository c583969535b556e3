import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  BeginTotpEnrolmentDocument,
  ConfirmTotpEnrolmentDocument,
  DisableTotpDocument,
  MySecondFactorDocument,
  RegenerateRecoveryCodesDocument,
  VerifySecondFactorDocument,
} from '../../../graphql/generated/graphql';

/** Refetched after every change of the factor (the account security modal shows it). */
const STATUS = 'MySecondFactor';
/** The current user, which tells the auth gate whether a second factor step is pending. */
const ME = 'Me';

function required<T>(value: T | null | undefined, field: string): T {
  if (value == null) throw new Error(`${field} returned no data`);
  return value;
}

/** The signed-in user's second factor (enabled, required, recovery codes left). */
export function useMySecondFactor() {
  const { data, loading, error, refetch } = useQuery(MySecondFactorDocument, {
    fetchPolicy: 'cache-and-network',
  });
  return { status: data?.mySecondFactor, loading, error, refetch };
}

/** Completes a sign-in pending a code; the answer updates the cached `me` (same id). */
export function useVerifySecondFactor() {
  const [mutate, { loading }] = useMutation(VerifySecondFactorDocument);
  const verify = useCallback(
    async (code: string) => {
      const { data } = await mutate({ variables: { input: { code } } });
      return required(data?.verifySecondFactor, 'verifySecondFactor');
    },
    [mutate],
  );
  return { verify, loading };
}

export function useBeginTotpEnrolment() {
  const [mutate, { loading }] = useMutation(BeginTotpEnrolmentDocument);
  const begin = useCallback(
    async () => required((await mutate()).data?.beginTotpEnrolment, 'beginTotpEnrolment'),
    [mutate],
  );
  return { begin, loading };
}

/**
 * Confirms enrolment and returns the recovery codes. The cached `me` is not touched here: a
 * forced enrolment must keep showing the codes until the user has saved them (see
 * useFinishEnrolment).
 */
export function useConfirmTotpEnrolment() {
  const [mutate, { loading }] = useMutation(ConfirmTotpEnrolmentDocument, {
    refetchQueries: [STATUS],
  });
  const confirm = useCallback(
    async (code: string) =>
      required(
        (await mutate({ variables: { input: { code } } })).data?.confirmTotpEnrolment,
        'confirmTotpEnrolment',
      ).codes,
    [mutate],
  );
  return { confirm, loading };
}

/** After the recovery codes were saved: `me` is asked again and the auth gate lets the user in. */
export function useFinishEnrolment() {
  const client = useApolloClient();
  return useCallback(
    () => client.refetchQueries({ include: [ME] }).then(() => undefined),
    [client],
  );
}

export function useDisableTotp() {
  const [mutate, { loading }] = useMutation(DisableTotpDocument, { refetchQueries: [STATUS] });
  const disable = useCallback(
    async (code: string) => {
      await mutate({ variables: { input: { code } } });
    },
    [mutate],
  );
  return { disable, loading };
}

export function useRegenerateRecoveryCodes() {
  const [mutate, { loading }] = useMutation(RegenerateRecoveryCodesDocument, {
    refetchQueries: [STATUS],
  });
  const regenerate = useCallback(
    async (code: string) =>
      required(
        (await mutate({ variables: { input: { code } } })).data?.regenerateRecoveryCodes,
        'regenerateRecoveryCodes',
      ).codes,
    [mutate],
  );
  return { regenerate, loading };
}
