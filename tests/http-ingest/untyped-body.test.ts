/**
 * The body of an ingest request without Content-Type, which SvelteKit's Node adapter does not
 * hand to the route (client-defaults.test.ts sends such bodies over HTTP): whether there is one
 * is told by the headers (RFC 9112 §6.3: Transfer-Encoding, or a Content-Length above 0), and
 * where no Node request is there to read it from (vite dev) it is unreadable — never "empty".
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { untypedBody } from '../../src/server/ingest-request.ts';

const nodeRequest = (text: string) => Readable.from([Buffer.from(text)]) as unknown as IncomingMessage;

describe('untypedBody', () => {
  it.each([
    ['no length', {}],
    ['Content-Length: 0', { 'content-length': '0' }],
  ])('is null when the headers announce no body (%s)', (_, headers) => {
    expect(untypedBody(new Headers(headers), nodeRequest('ignored'))).toBeNull();
    expect(untypedBody(new Headers(headers), undefined)).toBeNull();
  });

  it.each([
    ['Content-Length: 12', { 'content-length': '12' }],
    ['Transfer-Encoding: chunked', { 'transfer-encoding': 'chunked' }],
  ])('is unreadable with a body (%s) and no Node request', (_, headers) => {
    expect(untypedBody(new Headers(headers), undefined)).toBe('unreadable');
  });

  it('streams the Node request when there is one', async () => {
    const body = untypedBody(new Headers({ 'content-length': '12' }), nodeRequest('{"a":1}\n{}\n\n'));
    expect(body).toBeInstanceOf(ReadableStream);
    expect(await new Response(body as ReadableStream<Uint8Array>).text()).toBe('{"a":1}\n{}\n\n');
  });
});
