'use client';
// Sets the document's title from the page itself, for the root "not found" page: it is rendered
// outside every layout that names pages, so the root's default title ("Butin") would stay.
import { useEffect } from 'react';

export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
