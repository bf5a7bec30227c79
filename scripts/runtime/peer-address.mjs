// `node --import ./scripts/runtime/peer-address.mjs …/next start`: hands the TCP peer's address
// to the app. Next's server only writes X-Forwarded-For when the client did not, so without this
// an app reached directly could not tell its client's address from one the client made up. Every
// request gets `x-butin-peer` set to its socket's remote address, overwriting whatever the client
// sent under that name; lib/auth/client-ip.ts believes the header only when this module marked
// the process as loaded.
import http from 'node:http';

export const PEER_HEADER = 'x-butin-peer';

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === 'request' && request && request.headers) {
    request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? 'unknown';
  }
  return emit.call(this, event, request, ...rest);
};
globalThis[Symbol.for('butin.peerAddress')] = true;
