import { describe, expect, it } from 'vitest';
import { chantierLabel } from './chantier';

describe('chantierLabel', () => {
  it.each([
    [{ code: 'C1', name: 'Gestion du lieu' }, 'C1 — Gestion du lieu'],
    [{ code: null, name: 'Jardin' }, 'Jardin'],
    [{ code: '', name: 'Jardin' }, 'Jardin'],
    [{ name: 'Jardin' }, 'Jardin'],
  ])('%j → %j', (chantier, label) => {
    expect(chantierLabel(chantier)).toBe(label);
  });
});
