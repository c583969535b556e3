import { waitFor } from '@testing-library/react';
import { adminUnit, currentUser } from '../../../test/fixtures';
import { renderWithUser } from '../../../test/renderWithUser';
import { MyUnitPage } from './MyUnitPage';

describe('MyUnitPage (本单位考核)', () => {
  it('replaces its address with the operator’s own unit page', async () => {
    window.history.pushState(null, '', '/workbench');
    window.history.pushState(null, '', '/my-unit');
    const seen: string[] = [];
    const onPop = () => seen.push(window.location.pathname);
    window.addEventListener('popstate', onPop);
    renderWithUser(
      <MyUnitPage />,
      currentUser({
        role: 'COUNTY_OPERATOR',
        unit: adminUnit({ code: '422801', name: '恩施市', parentCode: '422800' }),
      }),
    );
    await waitFor(() => expect(window.location.pathname).toBe('/units/422801'));
    expect(seen).toEqual(['/units/422801']);
    // Replaced, not pushed: Back goes to where the user came from.
    const length = window.history.length;
    expect(length).toBeGreaterThanOrEqual(2);
    window.removeEventListener('popstate', onPop);
  });
});
