import { findRoute, canAccessRoute } from '../../../app/routes';
import { landingPath } from './landing';

describe('landingPath', () => {
  it.each([
    ['PROVINCIAL_SUPERVISOR', '/workbench'],
    ['PREFECTURE_SUPERVISOR', '/workbench'],
    ['COUNTY_OPERATOR', '/workbench'],
    ['AUDITOR', '/workbench'],
    ['SYSTEM_ADMIN', '/about'],
    ['SECURITY_ADMIN', '/about'],
    ['AUDIT_ADMIN', '/about'],
    [null, '/about'],
  ] as const)('sends %s to %s, a page the role may open', (role, path) => {
    expect(landingPath(role)).toBe(path);
    const route = findRoute(path);
    expect(route).toBeDefined();
    expect(canAccessRoute(route!, role)).toBe(true);
  });
});
