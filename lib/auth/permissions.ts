// Who may do what: the one place where role-based permissions are decided. Pure: no I/O.
// Rules that depend on a record (owner, chantier) take that record as stored in the database.
import { AppError } from '@/lib/errors';

export const ROLES = ['ADMIN', 'TREASURER', 'REFERENT', 'CONTRIBUTOR'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Chantier ids this person is referent of. */
  referentOf: string[];
  locale: string;
  via: 'session' | 'token';
};

const GRANTS = {
  'people.invite': ['ADMIN'],
  'people.update': ['ADMIN'],
  'people.deactivate': ['ADMIN'],
  'chantiers.manage': ['ADMIN'],
  'places.manage': ['ADMIN'],
  'settings.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
  'periods.manage': ['TREASURER'],
  'periods.close': ['TREASURER'],
  'periods.reopen': ['ADMIN'],
  'payouts.readAll': ['TREASURER'],
  'payments.record': ['TREASURER'],
  'exports.read': ['TREASURER'],
  'personalData.readAny': ['TREASURER'],
  'contributions.import': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

export function can(actor: Pick<Actor, 'roles'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = GRANTS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function assertCan(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', `Not allowed: ${permission}`);
}

/** IBAN, address and legal identifiers: the person themselves and treasurers only. */
export function canReadPersonalData(actor: Pick<Actor, 'id' | 'roles'>, personId: string): boolean {
  return actor.id === personId || can(actor, 'personalData.readAny');
}

/** Roles are stored as given; everybody is a contributor, and a referent role without chantiers means nothing. */
export function normaliseRoles(roles: readonly Role[], referentOf: readonly string[]): Role[] {
  const set = new Set<Role>([...roles, 'CONTRIBUTOR']);
  if (referentOf.length > 0) set.add('REFERENT');
  else set.delete('REFERENT');
  return ROLES.filter((role) => set.has(role));
}
