// Next.js runs register() once when a server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installAbortReasonRelease } = await import('@/lib/runtime/abort-reasons');
    installAbortReasonRelease();
    // The sign-in pages' mail queue: what a restart interrupted or a failed send left is sent here.
    const { drainSoon } = await import('@/lib/auth/mail-outbox');
    setInterval(drainSoon, 60_000).unref();
  }
}
