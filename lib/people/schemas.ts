// Input schemas for people, shared by the forms, the server actions, the API and its OpenAPI
// document. Messages are keys of messages/*.json.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';

export const ZEmail = z.string().trim().toLowerCase().max(320).pipe(z.email('validation.email'));
export const ZName = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'validation.passwordTooShort')
  .max(1024, 'validation.tooLong');
export const ZId = z.string().trim().min(1).max(64);

const passwordsMatch = ({ password, passwordConfirm }: { password: string; passwordConfirm: string }) =>
  password === passwordConfirm;

/** A form that sets a password: its other fields, `password`, and `passwordConfirm`, which must match. */
export function withNewPassword<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, password: ZPassword, passwordConfirm: z.string() })
    .refine((input) => passwordsMatch(input as { password: string; passwordConfirm: string }), {
      path: ['passwordConfirm'],
      message: 'validation.passwordMismatch',
    });
}
export const ZRole = z.enum(ROLES);

/** A form's checkbox list arrives as one string or several; the API sends an array. */
const stringList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(ZId),
);
const roleList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(ZRole),
);

export const ZPersonInvite = z.object({
  email: ZEmail,
  name: ZName,
  roles: roleList.default([]),
  referentOf: stringList.default([]),
});
export type TPersonInvite = z.infer<typeof ZPersonInvite>;

export const ZPersonRolesUpdate = z.object({
  personId: ZId,
  roles: roleList,
  referentOf: stringList,
});
export type TPersonRolesUpdate = z.infer<typeof ZPersonRolesUpdate>;

/** The API's PATCH of a person: only the fields given change; `active: false` deactivates. */
export const ZPersonUpdate = z
  .object({
    name: ZName.optional(),
    email: ZEmail.optional(),
    roles: z.array(ZRole).max(ROLES.length).optional(),
    referentOf: z.array(ZId).max(500).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZPersonOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  roles: z.array(ZRole),
  referentOf: z.array(z.string()),
});
export type TPersonOut = z.infer<typeof ZPersonOut>;
/** A person in GET /people: the email only for those who need it (lib/people/email-visibility.ts). */
export const ZPersonListItem = ZPersonOut.extend({ email: z.string().optional() });
export type TPersonListItem = z.infer<typeof ZPersonListItem>;

const ZLinkToken = z.string().min(10).max(200);
export const ZAcceptInvitation = withNewPassword({ token: ZLinkToken, name: ZName });
export const ZResetPassword = withNewPassword({ token: ZLinkToken });

export const ZForgotPassword = z.object({ email: ZEmail });

export const ZPagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
