import { describe, expect, it } from 'vitest';
import { formatPretty } from './pretty';

describe('formatPretty', () => {
  it.each([
    {
      line: '{"level":30,"time":1764671000000,"msg":"request","method":"GET","path":"/","status":200}',
      expected: '10:23:20.000 INFO  request method=GET path=/ status=200',
    },
    {
      line: '{"level":"error","time":"2025-12-02T10:23:20.000Z","msg":"failed","err":{"message":"a b"}}',
      expected: '10:23:20.000 ERROR failed err={"message":"a b"}',
    },
    { line: '{"level":40,"msg":"no time","note":"two words"}', expected: 'WARN  no time note="two words"' },
    { line: 'not json at all', expected: 'not json at all' },
  ])('formats $line', ({ line, expected }) => {
    expect(formatPretty(line)).toBe(expected);
  });

  it('colours the level only when asked', () => {
    expect(formatPretty('{"level":50,"msg":"x"}', { colour: true })).toBe('\u001b[31mERROR\u001b[0m x');
  });
});
