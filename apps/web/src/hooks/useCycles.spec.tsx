import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProviders } from '../app/AppProviders';
import { createApolloClient } from '../graphql/client';
import { cycle } from '../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../test/graphqlFetch';
import { useCycles } from './useCycles';

const cycles = [
  cycle({ id: 'c2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
  cycle({ id: 'c2026', year: 2026 }),
  cycle({ id: 'c2025', year: 2025, state: 'closed', closedAt: '2026-01-05T02:00:00.000Z' }),
];

let restoreFetch: () => void = () => undefined;
afterEach(() => restoreFetch());

function renderUseCycles(answers: Parameters<typeof stubGraphQLOperations>[0], requested?: string) {
  const stub = stubGraphQLOperations(answers);
  restoreFetch = stub.restore;
  const client = createApolloClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders client={client}>{children}</AppProviders>
  );
  const hook = renderHook(({ id }: { id?: string }) => useCycles(id), {
    wrapper,
    initialProps: { id: requested },
  });
  return { ...hook, ...stub };
}

describe('useCycles', () => {
  it('lists the cycles and shows the newest open one by default', async () => {
    const { result, requestsOf } = renderUseCycles({ Cycles: { data: { cycles } } });
    expect(result.current).toMatchObject({ cycles: [], cycle: undefined, loaded: false });

    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.cycles.map((c) => c.id)).toEqual(['c2027', 'c2026', 'c2025']);
    expect(result.current.cycle?.id).toBe('c2026');
    expect(result.current.error).toBeUndefined();
    expect(requestsOf('Cycles')).toHaveLength(1);
  });

  it('shows the requested cycle when it exists, else the default', async () => {
    const { result, rerender } = renderUseCycles({ Cycles: { data: { cycles } } }, 'c2025');
    await waitFor(() => expect(result.current.cycle?.id).toBe('c2025'));
    rerender({ id: 'unknown' });
    expect(result.current.cycle?.id).toBe('c2026');
  });

  it('reports an empty list as loaded without a cycle', async () => {
    const { result } = renderUseCycles({ Cycles: { data: { cycles: [] } } });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.cycle).toBeUndefined();
  });

  it('reports a failure with its code and recovers on retry', async () => {
    const { result } = renderUseCycles({
      Cycles: [graphQLError('FORBIDDEN', '无权查看'), { data: { cycles } }],
    });
    await waitFor(() => expect(result.current.error?.code).toBe('FORBIDDEN'));
    expect(result.current.loaded).toBe(false);

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.cycle?.id).toBe('c2026'));
    expect(result.current.error).toBeUndefined();
  });
});
