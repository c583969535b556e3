import { accountText } from './accountText';

describe('accountText', () => {
  it.each([
    [{ username: 'enshi-zhou', displayName: '张明辉' }, '张明辉（enshi-zhou）'],
    [{ username: 'enshi-zhou', displayName: '  ' }, 'enshi-zhou'],
    [{ username: 'enshi-zhou', displayName: null }, 'enshi-zhou'],
    [{ username: 'admin', displayName: 'admin' }, 'admin'],
    [null, ''],
  ])('%j → %s', (user, expected) => {
    expect(accountText(user)).toBe(expected);
  });
});
