import { describe, expect, it } from 'vitest';
import { safeNext, withSecurityHeaders } from './guard.ts';

describe('safeNext', () => {
  it.each([
    ['/supervisor?date=2026-01-05', '/supervisor?date=2026-01-05'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/x\nSet-Cookie: a=b', '/'],
    [null, '/'],
  ])('%j → %j', (raw, expected) => expect(safeNext(raw)).toBe(expected));
});

describe('withSecurityHeaders', () => {
  it('adds the headers, keeps a page’s own CSP, and copies immutable responses', () => {
    const page = withSecurityHeaders(
      new Response('x', { headers: { 'content-security-policy': "default-src 'self'" } }),
      true,
    );
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const redirect = withSecurityHeaders(Response.redirect('http://127.0.0.1/x', 303), false);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('x-content-type-options')).toBe('nosniff');
    expect(redirect.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
