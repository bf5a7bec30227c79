'use client';
// The last resort, when even the root layout failed (its messages could not be read): the same
// calm sentence and a retry, in French or English after the browser's language, with its own
// <html>, since the layout that would give one is what failed.
import en from '@/messages/en/outage.json';
import fr from '@/messages/fr/outage.json';

export default function GlobalError() {
  const english = typeof navigator !== 'undefined' && !navigator.language.toLowerCase().startsWith('fr');
  const text = english ? en.outage : fr.outage;
  return (
    <html lang={english ? 'en' : 'fr'}>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, background: '#f8fafc', color: '#0f172a' }}>
        <main role="alert" style={{ maxWidth: '28rem', margin: '4rem auto', padding: '0 1rem', textAlign: 'center' }}>
          <h1 style={{ fontSize: '1.5rem' }}>{text.title}</h1>
          <p>{text.body}</p>
          <button type="button" onClick={() => window.location.reload()} style={{ padding: '0.5rem 1rem' }}>
            {text.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
