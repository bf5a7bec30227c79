// Who sees whose email in the people list. Names are for everyone signed in (a collective works
// in the open); an email is contact data, shown only to those whose work needs it: admins (they
// invite and manage people), treasurers (they pay people and send them their statements), a
// referent for the people of their chantiers (who contributed there, or co-referents), and each
// person for themselves. Pure: the audience is computed from the database by the caller.
import type { Actor } from '@/lib/auth/permissions';

/** 'all', or the ids of the people whose email the viewer may see. */
export type EmailAudience = 'all' | ReadonlySet<string>;

export function canSeeEmail(options: { viewer: Actor; personId: string; audience: EmailAudience }): boolean {
  if (options.personId === options.viewer.id) return true;
  if (options.viewer.roles.includes('ADMIN') || options.viewer.roles.includes('TREASURER')) return true;
  return options.audience === 'all' ? false : options.audience.has(options.personId);
}
