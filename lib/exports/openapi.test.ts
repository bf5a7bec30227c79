// Each documented export is a route that exists, answers a file type, and is a treasurer's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_OPERATIONS } from './openapi';

describe('EXPORT_OPERATIONS', () => {
  it.each(EXPORT_OPERATIONS.map((operation) => [operation.path, operation] as const))(
    '%s has its route file and a file content type',
    (_path, operation) => {
      const routeFile = path.resolve('app/api/v1', operation.path.replace('{id}', '[id]').slice(1), 'route.ts');
      expect(fs.existsSync(routeFile)).toBe(true);
      expect(fs.readFileSync(routeFile, 'utf8')).toContain("permission: 'exports.read'");
      expect(operation.response?.contentType).toMatch(/^(text\/csv|application\/(pdf|vnd\.openxmlformats))/);
      expect(operation.who).toBe('treasurer');
    },
  );
});
