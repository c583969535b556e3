import { ConfigError, loadConfig } from '../config/config';
import { bearerMatches } from './metrics.service';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('metrics configuration', () => {
  it.each([
    ['production, neither token nor listener: off', { NODE_ENV: 'production' }, 'off'],
    ['development, neither: open on the main port', { NODE_ENV: 'development' }, 'open'],
    ['test, neither: open on the main port', { NODE_ENV: 'test' }, 'open'],
    ['production with a token', { NODE_ENV: 'production', METRICS_TOKEN: TOKEN }, 'token'],
    ['production with a port', { NODE_ENV: 'production', METRICS_PORT: '9464' }, 'listener'],
    [
      'production with both: the listener, requiring the token',
      { NODE_ENV: 'production', METRICS_PORT: '9464', METRICS_TOKEN: TOKEN },
      'listener',
    ],
  ])('%s', (_label, env, mode) => {
    expect(loadConfig(env as NodeJS.ProcessEnv).metrics.mode).toBe(mode);
  });

  it('binds the listener to 127.0.0.1 unless told otherwise', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({
      mode: 'listener',
      token: null,
      listener: { host: '127.0.0.1', port: 9464 },
    });
    expect(
      loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }).metrics,
    ).toEqual({ mode: 'listener', token: TOKEN, listener: { host: '0.0.0.0', port: 9464 } });
  });

  it.each([
    ['METRICS_TOKEN', 'short'],
    ['METRICS_PORT', '70000'],
    ['METRICS_PORT', 'ninety'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('bearerMatches', () => {
  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer  ${TOKEN} `, true],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(0, -1)}`, false],
    [TOKEN, false],
    [`Basic ${TOKEN}`, false],
    ['Bearer ', false],
    [undefined, false],
  ])('%j: %s', (header, expected) => {
    expect(bearerMatches(header, TOKEN)).toBe(expected);
  });
});
