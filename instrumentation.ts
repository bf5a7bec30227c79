// Next.js runs register() once when a server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installAbortReasonRelease } = await import('@/lib/runtime/abort-reasons');
    installAbortReasonRelease();
  }
}
