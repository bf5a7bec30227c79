// Limits of a contribution's fields, shared by the schemas (which refuse more) and the forms
// (which count towards them): a tiny module, so a form does not pull in zod to know them.

/** The longest description kept: longer is refused with a message, never cut. */
export const MAX_DESCRIPTION_LENGTH = 2000;
