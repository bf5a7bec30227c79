import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installAbortReasonRelease } from './abort-reasons';

// A subclass, so the test patches its own prototype and not the process's AbortController.
class TestController extends AbortController {}
Object.defineProperty(TestController.prototype, 'abort', {
  value: AbortController.prototype.abort,
  writable: true,
  configurable: true,
});

type Prepare = typeof Error.prepareStackTrace;
let original: Prepare;
let formatted: unknown[];

beforeEach(() => {
  original = Error.prepareStackTrace;
  formatted = [];
  // V8 calls this when an Error's stack is first read: the moment the call sites are let go.
  Error.prepareStackTrace = (error, frames) => {
    formatted.push(error);
    return `${String(error)} (${frames.length} frames)`;
  };
});

afterEach(() => {
  Error.prepareStackTrace = original;
});

describe('installAbortReasonRelease', () => {
  installAbortReasonRelease(TestController);

  it('reads the stack of an Error given as the reason, once, and aborts as before', () => {
    const controller = new TestController();
    const reason = new Error('render completed');
    controller.abort(reason);
    expect(formatted).toEqual([reason]);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    void reason.stack; // read again: already a string, not formatted twice
    expect(formatted).toEqual([reason]);
  });

  it('reads the stack of the DOMException made when no reason is given', () => {
    const controller = new TestController();
    controller.abort();
    expect(controller.signal.reason).toBeInstanceOf(DOMException);
    expect(controller.signal.aborted).toBe(true);
    expect(formatted).toEqual([controller.signal.reason]);
  });

  it('leaves other reasons alone and still tells listeners', () => {
    const controller = new TestController();
    let heard: unknown;
    controller.signal.addEventListener('abort', () => (heard = controller.signal.reason));
    controller.abort('a string');
    expect(heard).toBe('a string');
    expect(formatted).toEqual([]);
  });

  it('installs once however many times it is called', () => {
    const patched = TestController.prototype.abort;
    installAbortReasonRelease(TestController);
    expect(TestController.prototype.abort).toBe(patched);
    expect(patched).not.toBe(AbortController.prototype.abort);
  });
});
