import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../config/config';
import { API_CSP, securityHeaders, WEB_APP_CSP } from './security-headers';

function headersFor(
  http: AppConfig['http'],
  request: { path: string; secure: boolean },
): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
  const next = jest.fn() as NextFunction;
  securityHeaders(http)(request as Request, res as unknown as Response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return headers;
}

describe('securityHeaders', () => {
  it.each<[AppConfig['http']['hsts'], boolean, string | undefined]>([
    ['auto', false, undefined],
    ['auto', true, 'max-age=31536000'],
    ['on', false, 'max-age=31536000'],
    ['off', true, undefined],
  ])('HSTS=%s, request over TLS %s: Strict-Transport-Security %s', (hsts, secure, expected) => {
    const headers = headersFor({ trustedProxies: [], hsts }, { path: '/', secure });
    expect(headers['Strict-Transport-Security']).toBe(expected);
  });

  it('gives pages the web app policy and API answers the strict one', () => {
    const http = { trustedProxies: [], hsts: 'auto' } as const;
    expect(headersFor(http, { path: '/tasks', secure: false })['Content-Security-Policy']).toBe(
      WEB_APP_CSP,
    );
    for (const path of ['/graphql', '/api/evidence/1/content', '/health', '/ready']) {
      expect(headersFor(http, { path, secure: false })['Content-Security-Policy']).toBe(API_CSP);
    }
  });
});
