import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFields, summariseMessage } from './error-fields';

const prismaMessage = [
  'Invalid `prisma.person.findMany()` invocation:',
  '',
  '',
  '  10 export async function listPeople() {',
  '→ 11   return db().person.findMany({',
  '         where: { active: true }',
  '       })',
  '',
  "Can't reach database server at `127.0.0.1:5432`",
].join('\n');

describe('summariseMessage', () => {
  it.each([
    { message: 'plain', expected: 'plain' },
    { message: 'first line\nsecond line\n  at frame', expected: 'first line' },
    {
      message: prismaMessage,
      expected: "Invalid `prisma.person.findMany()` invocation: Can't reach database server at `127.0.0.1:5432`",
    },
    { message: '\n\n', expected: '' },
  ])('$expected', ({ message, expected }) => {
    expect(summariseMessage(message)).toBe(expected);
  });

  it('always gives one line of bounded length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (message) => {
        const line = summariseMessage(message);
        expect(line).not.toMatch(/\n/);
        expect(line.length).toBeLessThanOrEqual(300);
      }),
    );
  });
});

describe('errorFields', () => {
  it('summarises an error, its code and its causes, without the stack', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = Object.assign(new Error(prismaMessage, { cause: root }), { name: 'PrismaClientKnownRequestError' });
    (error as Error & { code: string }).code = 'P1001';
    expect(errorFields(error)).toEqual({
      type: 'PrismaClientKnownRequestError',
      message: "Invalid `prisma.person.findMany()` invocation: Can't reach database server at `127.0.0.1:5432`",
      code: 'P1001',
      causes: [{ type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' }],
    });
  });

  it('stops on a cycle of causes and reads non-errors', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as Error & { cause: unknown }).cause = b;
    expect(errorFields(b).causes).toEqual([{ type: 'Error', message: 'a' }]);
    expect(errorFields('just text')).toEqual({ type: 'string', message: 'just text' });
    expect(errorFields({ message: 'obj', code: 'X' })).toEqual({ type: 'object', message: 'obj', code: 'X' });
  });

  it('adds the first frames on one line when asked', () => {
    const fields = errorFields(new Error('boom'), { stack: true });
    expect(fields.stack).toMatch(/^at /);
    expect(fields.stack).not.toMatch(/\n/);
  });
});
