import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiRouteFiles, apiRouteMethods, methodsExportedBy } from './route-files';

describe('methodsExportedBy', () => {
  it.each([
    ['export const GET = apiRoute({});', ['GET']],
    ['export const GET = a();\nexport const POST = b();\nexport const dynamic = "force-static";', ['GET', 'POST']],
    ['export async function GET() {}\nexport function DELETE() {}', ['GET', 'DELETE']],
    ['const handler = NextAuth(o);\nexport { handler as GET, handler as POST };', ['GET', 'POST']],
    ['export {\n  notFound as GET,\n  notFound as OPTIONS,\n};', ['GET', 'OPTIONS']],
    ["export { GET, PUT } from './shared';", ['GET', 'PUT']],
    ['export const { GET, POST: post, POST } = handlers;', ['GET', 'POST']],
    ['export type { GET } from "./types";\nexport const PATCH = a();', ['PATCH']],
    // a commented-out export is no export
    ['// export const DELETE = a();\n/* export const PUT = b(); */\nexport const GET = c();', ['GET']],
    // names that are not methods, and methods in lower case, are not answered by Next
    ['export const get = a();\nexport const Post = b();\nexport const GETTER = c();', []],
  ])('%j → %j', (source, methods) => {
    expect(methodsExportedBy(source)).toEqual(methods);
  });

  it.each([
    "export * from './handlers';",
    "export * as handlers from './handlers';",
    'export { handlers["GET"] as GET };',
  ])('refuses an export it cannot read: %s', (source) => {
    expect(() => methodsExportedBy(source, 'app/api/x/route.ts')).toThrow(/app\/api\/x\/route\.ts/);
  });
});

describe('apiRouteMethods', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-routes-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (file: string, source: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  };

  it('reads every route file under app/api, a route group being no segment and a private folder no route', () => {
    write('app/api/v1/things/route.ts', 'export const GET = a();\nexport const POST = b();');
    write('app/api/v1/things/[id]/route.ts', 'export const PATCH = a();');
    write('app/api/v1/(admin)/settings/route.js', 'export function PUT() {}');
    write('app/api/v1/_lib/route.ts', 'export const GET = a();');
    write('app/api/v1/things/helpers.ts', 'export const GET = a();');
    write('app/dashboard/route.ts', 'export const GET = a();');
    expect(apiRouteFiles(root).map(({ route }) => route)).toEqual([
      '/api/v1/settings',
      '/api/v1/things',
      '/api/v1/things/[id]',
    ]);
    expect(apiRouteMethods(root)).toEqual({
      '/api/v1/settings': ['PUT'],
      '/api/v1/things': ['GET', 'POST'],
      '/api/v1/things/[id]': ['PATCH'],
    });
  });

  it('refuses a route file that exports no method, so the build fails', () => {
    write('app/api/v1/empty/route.ts', 'export const dynamic = "force-dynamic";');
    expect(() => apiRouteMethods(root)).toThrow(/app\/api\/v1\/empty\/route\.ts exports no HTTP method/);
  });
});
