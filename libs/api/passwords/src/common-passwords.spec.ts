import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COMMON_PASSWORD_FILES,
  isCommonPassword,
  loadCommonPasswords,
  parsePasswordList,
  PASSWORD_DATA_DIR,
} from './common-passwords';

function listFile(name: string): { header: string; entries: string[] } {
  const text = readFileSync(path.join(PASSWORD_DATA_DIR, name), 'utf8');
  const lines = text.split('\n');
  return {
    header: lines.filter((line) => line.startsWith('#')).join('\n'),
    entries: lines.filter((line) => line !== '' && !line.startsWith('#')),
  };
}

describe('common-password lists', () => {
  it('ships the data folder beside the code, at an absolute path', () => {
    expect(path.isAbsolute(PASSWORD_DATA_DIR)).toBe(true);
    for (const name of COMMON_PASSWORD_FILES) {
      expect(existsSync(path.join(PASSWORD_DATA_DIR, name))).toBe(true);
    }
  });

  it('has at least 10,000 entries in the main list, and loads them all', () => {
    const { entries } = listFile('common-passwords.txt');
    expect(entries.length).toBeGreaterThanOrEqual(10_000);
    expect(loadCommonPasswords().size).toBeGreaterThanOrEqual(entries.length);
  });

  it.each(['123456', 'password', 'qwerty', '5201314', 'woaini1314', '88888888', 'p@ssw0rd'])(
    'contains %s',
    (password) => {
      expect(loadCommonPasswords().has(password)).toBe(true);
    },
  );

  it.each(COMMON_PASSWORD_FILES)('%s is lower-cased, deduplicated and trimmed', (name) => {
    const { entries } = listFile(name);
    expect(entries.length).toBeGreaterThan(100);
    expect(new Set(entries).size).toBe(entries.length);
    expect(
      entries.filter((entry) => entry !== entry.toLowerCase() || entry !== entry.trim()),
    ).toEqual([]);
  });

  it('names the source and the licence in the header', () => {
    const { header } = listFile('common-passwords.txt');
    expect(header).toContain('@zxcvbn-ts/language-common');
    expect(header).toContain('MIT');
    expect(header).toContain('Permission is hereby granted');
    expect(listFile('common-passwords-zh.txt').header).toContain('Chinese');
  });

  it('matches case-insensitively and full-width forms', () => {
    expect(isCommonPassword('PassWord')).toBe(true);
    expect(isCommonPassword('ＱＷＥＲＴＹ')).toBe(true);
    expect(isCommonPassword('Zq8!mK2#vL9@')).toBe(false);
  });

  it('loads once and keeps the set', () => {
    expect(loadCommonPasswords()).toBe(loadCommonPasswords());
  });
});

describe('parsePasswordList', () => {
  it('skips comments and blank lines, trims CRLF and folds case', () => {
    expect(parsePasswordList('# header\r\n\r\nAbc123\r\n  qwerty  \n#comment\n')).toEqual([
      'abc123',
      'qwerty',
    ]);
  });
});
