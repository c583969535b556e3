import { canAccessRoute, matchRoute } from './routes';

describe('routes', () => {
  it('matches exact paths and `:name` segments, decoding the values', () => {
    expect(matchRoute('/tasks')?.route.key).toBe('tasks');
    expect(matchRoute('/tasks/')?.route.key).toBe('tasks');
    expect(matchRoute('/tasks/3f0c9a2e-1111-4222-8333-944455556666')).toMatchObject({
      route: { key: 'task' },
      params: { id: '3f0c9a2e-1111-4222-8333-944455556666' },
    });
    expect(matchRoute('/units/422801')?.params).toEqual({ code: '422801' });
    expect(matchRoute('/units/%E6%B5%8B')?.params).toEqual({ code: '测' });
    expect(matchRoute('/tasks/a/b')).toBeUndefined();
    expect(matchRoute('/nowhere')).toBeUndefined();
  });

  it('opens the register of any regulation by its code, under the library in the menu', () => {
    expect(matchRoute('/regulations')?.route.key).toBe('regulations');
    expect(matchRoute('/regulations/shanghai-quality-demo')).toMatchObject({
      route: { key: 'register', menu: false, menuPath: '/regulations' },
      params: { code: 'shanghai-quality-demo' },
    });
    // The old single-regulation address shows the library.
    expect(matchRoute('/register')?.route.menuPath).toBe('/regulations');
  });

  it('keeps pages reached by id out of the menu but open to their roles', () => {
    const task = matchRoute('/tasks/x')!.route;
    expect(task.menu).toBe(false);
    expect(canAccessRoute(task, 'COUNTY_OPERATOR')).toBe(true);
    expect(canAccessRoute(task, 'SYSTEM_ADMIN')).toBe(false);
  });

  it.each([
    ['AUDITOR', true],
    ['PROVINCIAL_SUPERVISOR', true],
    ['PREFECTURE_SUPERVISOR', true],
    ['COUNTY_OPERATOR', false],
    ['AUDIT_ADMIN', false],
    ['SYSTEM_ADMIN', false],
  ] as const)('opens the task log to %s: %s', (role, allowed) => {
    const log = matchRoute('/task-log')!.route;
    expect(log.key).toBe('taskLog');
    expect(canAccessRoute(log, role)).toBe(allowed);
  });
});
