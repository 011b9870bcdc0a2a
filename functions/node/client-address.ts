/**
 * Who the client is, for the rate limit and the per-client connection cap. Behind a reverse proxy every
 * request comes from the proxy's address: then, and only when that address is listed as trusted, the
 * client is the right-most address of X-Forwarded-For that is not itself a trusted proxy. A client
 * talking to us directly cannot choose its address by sending the header.
 */
import { isIP } from 'node:net';

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: ReadonlySet<string>) {
  const remote = normalize(socketAddress);
  if (!remote || !trusted.has(remote) || !forwardedFor) return remote;
  const hops = forwardedFor
    .split(',')
    .map((s) => normalize(s.trim()))
    .filter((s): s is string => !!s && isIP(s) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i];
  return remote;
}

/** "::ffff:203.0.113.7" (IPv4 on a dual-stack socket) is 203.0.113.7. */
export const normalize = (address: string | undefined) => address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The scheme the visitor used, from a trusted proxy's X-Forwarded-Proto (its first value: the hop that
 * faced the visitor); undefined when the header is absent, odd, or not from a trusted proxy.
 */
export function forwardedProto(socketAddress: string | undefined, header: string | undefined, trusted: ReadonlySet<string>) {
  const remote = normalize(socketAddress);
  if (!remote || !trusted.has(remote) || !header) return undefined;
  const first = header.split(',')[0]!.trim().toLowerCase();
  return first === 'https' || first === 'http' ? first : undefined;
}

/** The request as the visitor sent it: its URL's scheme the one a trusted proxy says, so absolute URLs we answer with match. */
export function withForwardedProto(request: Request, socketAddress: string | undefined, trusted: ReadonlySet<string>): Request {
  const proto = forwardedProto(socketAddress, request.headers.get('x-forwarded-proto') ?? undefined, trusted);
  if (!proto || request.url.startsWith(`${proto}:`)) return request;
  const url = new URL(request.url);
  url.protocol = `${proto}:`;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
}
