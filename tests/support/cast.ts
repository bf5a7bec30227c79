// The people of a permission matrix: each created with their roles and chantiers and given an
// API token, so that every matrix test states only who is who.
import type { Actor } from '@/lib/auth/permissions';
import { bearerToken, createPerson } from './database';

export type CastMember = NonNullable<Parameters<typeof createPerson>[0]>;

export async function seedCast<Who extends string>(
  cast: Record<Who, CastMember>,
): Promise<{ people: Record<Who, Actor>; tokens: Record<Who, string> }> {
  const people = {} as Record<Who, Actor>;
  const tokens = {} as Record<Who, string>;
  // One after the other: the order of creation is the order of the ids some tests sort by.
  for (const who of Object.keys(cast) as Who[]) {
    people[who] = await createPerson(cast[who]);
    tokens[who] = await bearerToken(people[who].id);
  }
  return { people, tokens };
}
