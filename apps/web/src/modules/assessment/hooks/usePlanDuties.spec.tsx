import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProviders } from '../../../app/AppProviders';
import { createApolloClient } from '../../../graphql/client';
import {
  graphQLError,
  stubGraphQLOperations,
  type GraphQLRequest,
} from '../../../test/graphqlFetch';
import { usePlanDuties } from './usePlanDuties';

const duty = (n: number) => ({
  __typename: 'Duty',
  id: `v1-d${n}`,
  lineageId: `d${n}`,
  subject: `职责${n}`,
  article: {
    __typename: 'Article',
    id: `a${n}`,
    number: n,
    title: null,
    chapter: { __typename: 'Chapter', id: 'c1', number: 1, title: '总则' },
  },
});

/** Answers a page of `all` at the request's offset; the API reports `total`. */
const pageOf =
  (all: unknown[], total = all.length) =>
  ({ variables }: GraphQLRequest) => {
    const offset = Number(variables.offset);
    const nodes = offset === 0 ? all.slice(0, 2) : all.slice(offset, offset + 2);
    return { data: { duties: { __typename: 'DutyPage', totalCount: total, nodes } } };
  };

let restoreFetch: () => void = () => undefined;
afterEach(() => restoreFetch());

function renderDuties(answer: unknown, skip = false) {
  const stub = stubGraphQLOperations({ AssessmentPlanDuties: answer });
  restoreFetch = stub.restore;
  const client = createApolloClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders client={client}>{children}</AppProviders>
  );
  const hook = renderHook(({ skipped }) => usePlanDuties('rv-1', skipped), {
    wrapper,
    initialProps: { skipped: skip },
  });
  return { ...hook, ...stub };
}

describe('usePlanDuties', () => {
  it('asks for nothing while skipped', () => {
    const { result, requests } = renderDuties(pageOf([duty(1)]), true);
    expect(result.current.duties).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('loads every page of the tracked government duties of the version', async () => {
    const { result, requestsOf } = renderDuties(pageOf([duty(1), duty(2), duty(3)]));
    await waitFor(() => expect(result.current.duties).toHaveLength(3));
    expect(result.current.loading).toBe(false);
    expect(result.current.duties.map((d) => d.lineageId)).toEqual(['d1', 'd2', 'd3']);
    const requests = requestsOf('AssessmentPlanDuties');
    expect(requests.map((r) => r.variables.offset)).toEqual([0, 2]);
    expect(requests[0].variables).toMatchObject({ versionId: 'rv-1', first: 500 });
    expect(requests[0].query).toMatch(/tracked: true, governmentOnly: true/);
  });

  it('stops at an empty page even when the total promised more', async () => {
    const { result, requestsOf } = renderDuties(pageOf([duty(1), duty(2)], 5));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.duties).toHaveLength(2);
    expect(requestsOf('AssessmentPlanDuties')).toHaveLength(2);
  });

  it('reports a failed later page, and starts over on retry', async () => {
    const all = [duty(1), duty(2), duty(3)];
    let failNext = true;
    const { result, requestsOf } = renderDuties((request: GraphQLRequest) => {
      if (request.variables.offset === 2 && failNext) {
        failNext = false;
        return graphQLError('SERVICE_UNAVAILABLE');
      }
      return pageOf(all)(request);
    });
    await waitFor(() => expect(result.current.error?.code).toBe('SERVICE_UNAVAILABLE'));
    expect(result.current.loading).toBe(false);

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.duties).toHaveLength(3));
    expect(result.current.error).toBeUndefined();
    expect(requestsOf('AssessmentPlanDuties').map((r) => r.variables.offset)).toEqual([0, 2, 0, 2]);
  });
});
