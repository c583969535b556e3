import { parse } from 'pg-connection-string';
import { jitStartupOptions, parseDatabaseJit, withStartupOptions } from './database-jit';
import { dataSourceOptions } from './data-source';

describe('DATABASE_JIT', () => {
  it('parses off, on and a plan cost; nothing else', () => {
    expect(parseDatabaseJit('off')).toBe('off');
    expect(parseDatabaseJit(' On ')).toBe('on');
    expect(parseDatabaseJit('500000')).toBe(500_000);
    for (const bad of ['', 'yes', '0', '-5', '1e6', '2.5'])
      expect(parseDatabaseJit(bad)).toBeNull();
  });

  it('turns into the startup options of each connection', () => {
    expect(jitStartupOptions('off')).toBe('-c jit=off');
    expect(jitStartupOptions(500_000)).toBe('-c jit_above_cost=500000');
    expect(jitStartupOptions('on')).toBeUndefined();
  });

  it('adds the options to the URL pg connects with, after any the URL has', () => {
    const url = withStartupOptions(
      'postgres://us%40er:p%2Fw@db:5432/duty?sslmode=disable',
      '-c jit=off',
    );
    expect(parse(url)).toMatchObject({
      user: 'us@er',
      password: 'p/w',
      host: 'db',
      database: 'duty',
      sslmode: 'disable',
      options: '-c jit=off',
    });
    expect(
      parse(withStartupOptions('postgres://db/duty?options=-c%20work_mem%3D64MB', '-c jit=off'))
        .options,
    ).toBe('-c work_mem=64MB -c jit=off');
    expect(withStartupOptions('postgres://db/duty', undefined)).toBe('postgres://db/duty');
  });

  it('is off in every data source unless asked', () => {
    const options = (jit?: 'on' | 'off' | number) =>
      parse(
        (
          dataSourceOptions({ url: 'postgres://db/duty', ...(jit ? { jit } : {}) }) as {
            url: string;
          }
        ).url,
      ).options;
    expect(options()).toBe('-c jit=off');
    expect(options('on')).toBeUndefined();
    expect(options(1_000_000)).toBe('-c jit_above_cost=1000000');
  });
});
