// A workaround for a memory leak in React's server renderer (react/react#37288, fix proposed in
// react/react#37289; also vercel/next.js#84648 and #97316), installed once at server start by
// instrumentation.ts.
//
// Every finished render aborts its cache signal with an Error that nobody reads. Until an
// Error's `stack` is read, V8 keeps the captured call sites, and they keep alive everything the
// frames reached: the render, its request and response. Under load, and more when clients drop
// requests mid-render, these chain into one another. The benchmark measured the app server's heap
// growing from 58 MB to 530 MB over 1 000 requests of À valider.
//
// Reading `stack` once turns the call sites into a string and lets them go. So aborting any
// controller reads its reason's stack: it costs microseconds per request, changes no behaviour,
// and can be removed once React stops capturing that stack.

const INSTALLED = Symbol.for('butin.abortReasonsReleased');

/** Reads `reason.stack` when the reason is an Error (DOMException included), so V8 drops its call sites. */
export function releaseCallSites(reason: unknown): void {
  if (reason instanceof Error) void reason.stack;
}

export function installAbortReasonRelease(target: { prototype: AbortController } = AbortController): void {
  const prototype = target.prototype as AbortController & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const abort = prototype.abort;
  Object.defineProperty(prototype, 'abort', {
    configurable: true,
    writable: true,
    value: function abortReleasingCallSites(this: AbortController, reason?: unknown) {
      abort.call(this, reason);
      // The signal's reason: the one given, or the DOMException made when none was.
      releaseCallSites(this.signal.reason);
    },
  });
  Object.defineProperty(prototype, INSTALLED, { value: true });
}
