/**
 * Limits that keep slow and abusive clients from holding the server: headers and whole-request
 * timeouts (one byte a second never completes a request), an idle timeout (a client that never reads
 * its answer is dropped), keep-alive limits, and caps on connections per client and in all.
 */
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import { rateLimitAddress } from '../rate-limit.ts';
import { normalize } from './client-address.ts';

export type ConnectionLimits = {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** A connection with nothing read or written for this long is closed. */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /**
   * Requests on one connection before it is closed. A client that pipelines thousands of requests and
   * never reads the answers makes the server work until its buffers fill; past this it is cut off.
   */
  maxRequestsPerConnection: number;
  maxConnections: number;
  /** Open connections from one address; a trusted proxy is not capped (it carries everyone). */
  maxConnectionsPerClient: number;
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxRequestsPerConnection: 10_000,
  maxConnections: 2_000,
  maxConnectionsPerClient: 64,
};

/** Options for http.createServer: the timeouts, and how often Node checks them (default 30 s, too coarse). */
export const serverOptions = (limits: ConnectionLimits): ServerOptions => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  keepAliveTimeout: limits.keepAliveTimeoutMs,
  connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 2),
});

/** What can only be set once the server exists: caps, and the idle timeout of each connection. */
export function limitConnections(server: Server, limits: ConnectionLimits, trusted: ReadonlySet<string>) {
  // The last request a connection may carry is answered with `Connection: close` and the connection
  // then ends cleanly: a client reusing connections (a load balancer) opens a new one and loses nothing.
  // Node's own maxRequestsPerSocket would answer 503 to what was already sent. Only a request sent
  // after that answer (a client pipelining without reading) finds the connection gone.
  // Requests past the cap never reach the app: Node parses every request already received (a pipelining
  // client's 64 KB hold a thousand) and emits each even once the connection is destroyed, so a listener
  // could only close the connection, not spare the app the work (slow-clients.test.ts).
  const served = new WeakMap<object, number>();
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n === limits.maxRequestsPerConnection) res.shouldKeepAlive = false;
      else if (n > limits.maxRequestsPerConnection) {
        req.socket.destroy();
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
  server.maxConnections = limits.maxConnections;
  server.timeout = limits.idleTimeoutMs;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const exact = normalize(socket.remoteAddress) ?? '';
    if (trusted.has(exact)) return;
    // One client as the rate limit sees it: an IPv6 client's /64 is one client.
    const address = rateLimitAddress(exact);
    const n = (open.get(address) ?? 0) + 1;
    if (n > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
